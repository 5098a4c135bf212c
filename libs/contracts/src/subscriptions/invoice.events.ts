import { Nullable } from '../nullable';
import { IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../define-event';
import { CURRENCY_CODE, MINOR_UNITS } from '../money';

/** A paid invoice, with everything finance needs to post it. */
export class InvoicePaidEvent {
  @IsUUID() subscriptionId!: string;
  @IsUUID() planId!: string;
  @IsUUID() priceId!: string;
  @IsString() providerInvoiceId!: string;
  @Nullable() @IsOptional() @IsString() providerChargeId!: string | null;
  @Nullable() @IsOptional() @IsString() providerBalanceTransactionId!: string | null;
  @Matches(CURRENCY_CODE) currency!: string;
  /** Total charged, tax included. */
  @Matches(MINOR_UNITS) amountPaid!: string;
  @Matches(MINOR_UNITS) tax!: string;
  @Matches(MINOR_UNITS) providerFee!: string;
  @IsString() servicePeriodStart!: string;
  @IsString() servicePeriodEnd!: string;
  @IsString() paidAt!: string;
  /**
   * The payment (payments service) that paid an invoice the suite bills itself: finance books its
   * cash from that payment's PaymentSucceeded, not from this event. Null or absent: the provider
   * (Stripe) collected it, and this event carries the cash.
   */
  @Nullable() @IsOptional() @IsUUID() paymentId?: string | null;
}

export const InvoicePaid = defineEvent({
  subject: 'evt.subscriptions.invoice.paid.v1',
  data: InvoicePaidEvent,
  description:
    'A subscription invoice was paid: amount, tax, currency, service period, provider ids and fee; ' +
    '`paymentId` when a payment on a rail paid it (its cash is booked from that payment).',
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
  @Nullable() @IsOptional() @IsString() dueDate!: string | null;
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
