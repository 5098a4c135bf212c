import { IsOptional, IsString, Matches } from 'class-validator';
import { MaxBytes } from '@libs/contracts';

/** A refund as posted to `/v1/payments/payments/{id}/refunds`: the payment is in the path. */
export class PaymentRefundBody {
  /** All that is left when absent. */
  @IsOptional()
  @Matches(/^[1-9][0-9]{0,17}$/, {
    message: 'amount must be a positive integer amount in minor units, as a string (99000 VND is "99000")',
  })
  amount?: string;
  @IsString() @MaxBytes(255) reason!: string;
}
