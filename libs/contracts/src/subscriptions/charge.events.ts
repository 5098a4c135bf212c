import { Nullable } from '../nullable';
import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../define-event';
import { CURRENCY_CODE, MINOR_UNITS } from '../money';

/** Money returned to a reader: finance reverses revenue and the provider balance. */
export class ChargeRefundedEvent {
  @IsString() providerRefundId!: string;
  @IsString() providerChargeId!: string;
  @Nullable() @IsOptional() @IsString() providerBalanceTransactionId!: string | null;
  @Nullable() @IsOptional() @IsUUID() subscriptionId!: string | null;
  @Matches(CURRENCY_CODE) currency!: string;
  /** Positive: the amount given back. */
  @Matches(MINOR_UNITS) amount!: string;
  @IsString() refundedAt!: string;
}

export const ChargeRefunded = defineEvent({
  subject: 'evt.subscriptions.charge.refunded.v1',
  data: ChargeRefundedEvent,
  description: 'A payment was refunded, wholly or in part (one event per refund).',
});
