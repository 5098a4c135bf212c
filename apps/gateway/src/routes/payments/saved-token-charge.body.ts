import { IsUUID } from 'class-validator';

/** A charge as posted to `/v1/payments/payments/{id}/saved-token-charges`: the payment is in the path. */
export class SavedTokenChargeBody {
  @IsUUID() savedTokenId!: string;
}
