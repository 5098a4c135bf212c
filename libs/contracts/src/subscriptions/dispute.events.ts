import { Nullable } from '../nullable';
import { IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../define-event';
import { CURRENCY_CODE, MINOR_UNITS } from '../money';

export const DISPUTE_OUTCOMES = ['won', 'lost'] as const;

export class DisputeOpenedEvent {
  @IsString() providerDisputeId!: string;
  @IsString() providerChargeId!: string;
  @Nullable() @IsOptional() @IsUUID() subscriptionId!: string | null;
  @Matches(CURRENCY_CODE) currency!: string;
  /** What the provider holds back while the dispute lasts. */
  @Matches(MINOR_UNITS) amount!: string;
  @Matches(MINOR_UNITS) providerFee!: string;
  @IsString() openedAt!: string;
}

export const DisputeOpened = defineEvent({
  subject: 'evt.subscriptions.dispute.opened.v1',
  data: DisputeOpenedEvent,
  description: 'A reader disputed a payment (chargeback); the amount is withdrawn from the provider balance.',
});

export class DisputeClosedEvent {
  @IsString() providerDisputeId!: string;
  @IsString() providerChargeId!: string;
  @Nullable() @IsOptional() @IsUUID() subscriptionId!: string | null;
  @Matches(CURRENCY_CODE) currency!: string;
  @Matches(MINOR_UNITS) amount!: string;
  @IsIn(DISPUTE_OUTCOMES) outcome!: (typeof DISPUTE_OUTCOMES)[number];
  @IsString() closedAt!: string;
}

export const DisputeClosed = defineEvent({
  subject: 'evt.subscriptions.dispute.closed.v1',
  data: DisputeClosedEvent,
  description: 'A dispute ended: won (funds reinstated) or lost.',
});
