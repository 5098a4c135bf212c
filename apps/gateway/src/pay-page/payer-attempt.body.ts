import { IsIn, IsOptional, Matches } from 'class-validator';
import { PAYMENT_RAILS, PaymentRailName } from '@libs/contracts';

/** What the pay page posts when the payer picks a rail. */
export class PayerAttemptBody {
  /** The `token` of the pay link. */
  @Matches(/^[A-Za-z0-9_-]{32,64}$/, { message: 'token must be the token of the pay link' }) token!: string;
  @IsIn(PAYMENT_RAILS) rail!: PaymentRailName;
  @IsOptional()
  @Matches(/^[A-Za-z0-9_]{2,30}$/, { message: 'method must be 2 to 30 letters, digits or _' })
  method?: string;
  @IsIn(['vi', 'en']) locale!: 'vi' | 'en';
}
