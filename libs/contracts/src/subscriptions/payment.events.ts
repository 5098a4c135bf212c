import { Nullable } from '../nullable';
import { IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../define-event';
import { CURRENCY_CODE, NON_NEGATIVE_MINOR_UNITS } from '../money';
import { PAYMENT_RAILS, PaymentRailName } from '../payments/payment-rail';

/** The streams subscriptions takes payments on the rails for. */
export const SUBSCRIPTIONS_PAYMENT_STREAMS = ['subscriptions', 'gifts'] as const;
export type SubscriptionsPaymentStream = (typeof SUBSCRIPTIONS_PAYMENT_STREAMS)[number];

/**
 * A payment on a rail that subscriptions asked for (purpose stream `subscriptions` or `gifts`) and
 * will never apply: its invoice was voided or written off before the money came, was paid by
 * another payment, is billed by the provider, asked for another amount, or no invoice or gift
 * purchase of the agency has its reference. The money is the payer's until staff refund it.
 */
export class PaymentLeftUnappliedEvent {
  @IsUUID() paymentId!: string;
  @IsIn(PAYMENT_RAILS) rail!: PaymentRailName;
  @IsIn(SUBSCRIPTIONS_PAYMENT_STREAMS) stream!: SubscriptionsPaymentStream;
  /** The payment's purpose reference, as payments has it (an invoice's or a gift purchase's id). */
  @IsString() reference!: string;
  /** The invoice it names, when the agency has one of that id; null otherwise (and for gifts). */
  @Nullable() @IsOptional() @IsUUID() invoiceId!: string | null;
  /** The gift purchase it names, when the agency has one of that id; null otherwise (and for invoices). */
  @Nullable() @IsOptional() @IsUUID() giftPurchaseId!: string | null;
  @Matches(CURRENCY_CODE) currency!: string;
  /** All of the payment (VAT included), as it succeeded. */
  @Matches(NON_NEGATIVE_MINOR_UNITS) amount!: string;
  /** Why it is not applied, for staff. */
  @IsString() reason!: string;
  /** When the money arrived (the payment's `succeededAt`). */
  @IsString() succeededAt!: string;
}

export const PaymentLeftUnapplied = defineEvent({
  subject: 'evt.subscriptions.payment.left-unapplied.v1',
  data: PaymentLeftUnappliedEvent,
  description:
    'A payment on a rail for an invoice or a gift purchase that subscriptions will never apply (the invoice ended unpaid, was paid by another payment, or asked for another amount; no such invoice or purchase): published once per payment, in the transaction that decided it. Finance holds the money as unapplied receipts until it is refunded.',
});
