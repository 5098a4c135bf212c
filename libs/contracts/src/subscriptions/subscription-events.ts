import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../define-event';
import { CURRENCY_CODE, MINOR_UNITS } from '../money';
import { EntitlementGrant } from './entitlements.rpc';

export class EntitlementChangedEvent {
  /** `reader:<readerId>` or `email:<email>`: the key consumers index entitlements by. */
  @IsString() readerKey!: string;
  @IsOptional() @IsString() readerId!: string | null;
  @IsOptional() @IsString() email!: string | null;
  @ValidateNested({ each: true }) @Type(() => EntitlementGrant) entitlements!: EntitlementGrant[];
  /** Per reader, strictly increasing: a consumer keeps the highest it has seen. */
  @IsInt() @Min(1) version!: number;
}

export const EntitlementChanged = defineEvent({
  subject: 'evt.subscriptions.entitlement.changed.v1',
  data: EntitlementChangedEvent,
  description: "A reader's entitlements changed; ordered by `version` per reader.",
});

/** A paid invoice, with everything finance needs to post it. */
export class InvoicePaidEvent {
  @IsUUID() subscriptionId!: string;
  @IsUUID() planId!: string;
  @IsUUID() priceId!: string;
  @IsString() providerInvoiceId!: string;
  @IsOptional() @IsString() providerChargeId!: string | null;
  @IsOptional() @IsString() providerBalanceTransactionId!: string | null;
  @Matches(CURRENCY_CODE) currency!: string;
  /** Total charged, tax included. */
  @Matches(MINOR_UNITS) amountPaid!: string;
  @Matches(MINOR_UNITS) tax!: string;
  @Matches(MINOR_UNITS) providerFee!: string;
  @IsString() servicePeriodStart!: string;
  @IsString() servicePeriodEnd!: string;
  @IsString() paidAt!: string;
}

export const InvoicePaid = defineEvent({
  subject: 'evt.subscriptions.invoice.paid.v1',
  data: InvoicePaidEvent,
  description: 'A subscription invoice was paid: amount, tax, currency, service period, provider ids and fee.',
});

/** A subscription invoice was issued (billed): what the reader owes for the service period. */
export class InvoiceFinalizedEvent {
  @IsUUID() subscriptionId!: string;
  @IsUUID() planId!: string;
  @IsUUID() priceId!: string;
  @IsString() providerInvoiceId!: string;
  @Matches(CURRENCY_CODE) currency!: string;
  /** Total billed, tax included. */
  @Matches(MINOR_UNITS) amountDue!: string;
  @Matches(MINOR_UNITS) tax!: string;
  @IsString() servicePeriodStart!: string;
  @IsString() servicePeriodEnd!: string;
  /** Set for invoices sent for payment; null when the provider charges the card on file at once. */
  @IsOptional() @IsString() dueDate!: string | null;
  @IsString() finalizedAt!: string;
}

export const InvoiceFinalized = defineEvent({
  subject: 'evt.subscriptions.invoice.finalized.v1',
  data: InvoiceFinalizedEvent,
  description:
    'A subscription invoice was finalized (billed, not yet collected): amount due, tax, currency, service period, due date. ' +
    'Published once per invoice with a non-zero amount, also when the provider reports the invoice only once paid or voided.',
});

export const INVOICE_WRITE_OFF_REASONS = ['void', 'uncollectible'] as const;
export type InvoiceWriteOffReason = (typeof INVOICE_WRITE_OFF_REASONS)[number];

/** A billed invoice that will not be collected: finance reverses what was billed. */
export class InvoiceVoidedEvent {
  @IsUUID() subscriptionId!: string;
  @IsUUID() planId!: string;
  @IsUUID() priceId!: string;
  @IsString() providerInvoiceId!: string;
  @Matches(CURRENCY_CODE) currency!: string;
  /** What is no longer expected, tax included (amount due less anything paid). */
  @Matches(MINOR_UNITS) amount!: string;
  @Matches(MINOR_UNITS) tax!: string;
  /** `void`: cancelled as if never issued; `uncollectible`: written off as bad debt (may still be paid later). */
  @IsIn(INVOICE_WRITE_OFF_REASONS) reason!: InvoiceWriteOffReason;
  @IsString() servicePeriodStart!: string;
  @IsString() servicePeriodEnd!: string;
  @IsString() voidedAt!: string;
}

export const InvoiceVoided = defineEvent({
  subject: 'evt.subscriptions.invoice.voided.v1',
  data: InvoiceVoidedEvent,
  description:
    'A finalized subscription invoice was voided or marked uncollectible (`reason`), with the amount not collected. ' +
    'Published once per invoice with a non-zero amount; an uncollectible invoice paid later is also published as paid.',
});

export const SUBSCRIPTION_STATUSES = [
  'incomplete',
  'trialing',
  'active',
  'past_due',
  'unpaid',
  'paused',
  'canceled',
] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export class SubscriptionChangedEvent {
  @IsUUID() subscriptionId!: string;
  @IsString() readerKey!: string;
  @IsUUID() planId!: string;
  @IsIn(SUBSCRIPTION_STATUSES) status!: SubscriptionStatus;
  @IsOptional() @IsIn(SUBSCRIPTION_STATUSES) previousStatus!: SubscriptionStatus | null;
  @IsString() currentPeriodEnd!: string;
  @IsOptional() @IsString() reference!: string | null;
  /** The price version billed (absent in events published before prices were carried). */
  @IsOptional() @IsUUID() priceId?: string;
  @IsOptional() @Matches(CURRENCY_CODE) currency?: string;
  /** The price per billing interval in minor units, as billed. */
  @IsOptional() @Matches(MINOR_UNITS) unitAmount?: string;
  /** Months one billing interval lasts (1 for monthly, 12 for yearly plans). */
  @IsOptional() @IsInt() @Min(1) intervalMonths?: number;
}

export const SubscriptionChanged = defineEvent({
  subject: 'evt.subscriptions.subscription.changed.v1',
  data: SubscriptionChangedEvent,
  description:
    'A subscription started, changed status or moved to another price; `reference` carries the checkout attribution, ' +
    '`unitAmount`/`intervalMonths` what it bills (finance derives MRR from them).',
});

/** Money returned to a reader: finance reverses revenue and the provider balance. */
export class ChargeRefundedEvent {
  @IsString() providerRefundId!: string;
  @IsString() providerChargeId!: string;
  @IsOptional() @IsString() providerBalanceTransactionId!: string | null;
  @IsOptional() @IsUUID() subscriptionId!: string | null;
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

export const DISPUTE_OUTCOMES = ['won', 'lost'] as const;

export class DisputeOpenedEvent {
  @IsString() providerDisputeId!: string;
  @IsString() providerChargeId!: string;
  @IsOptional() @IsUUID() subscriptionId!: string | null;
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
  @IsOptional() @IsUUID() subscriptionId!: string | null;
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

/**
 * What a group licence grants to anyone coming from its IP ranges, without a seat. A consumer
 * keeps, per licence, the highest version it has seen; the licence's end is published as a
 * version with no ranges.
 */
export class AddressGrantChangedEvent {
  @IsUUID() licenceId!: string;
  /** CIDR networks; empty once the licence has ended. */
  @IsString({ each: true }) ipRanges!: string[];
  @IsString({ each: true }) entitlements!: string[];
  @IsString() validUntil!: string;
  /** Per licence, strictly increasing. */
  @IsInt() @Min(1) version!: number;
}

export const AddressGrantChanged = defineEvent({
  subject: 'evt.subscriptions.address-grant.changed.v1',
  data: AddressGrantChangedEvent,
  description:
    'What a group licence grants to readers coming from its IP ranges; ordered by `version` per licence, empty once it ends.',
});
