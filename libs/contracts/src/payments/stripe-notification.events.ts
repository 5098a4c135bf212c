import { Nullable } from '../nullable';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Min } from 'class-validator';
import { defineEvent } from '../define-event';

/** What subscriptions acts on, whatever Stripe called the event. */
export const STRIPE_NOTIFICATION_KINDS = [
  'checkout-completed',
  'one-off-checkout-completed',
  'subscription-changed',
  'invoice-paid',
  'invoice-changed',
  'invoice-payment-failed',
  'customer-updated',
  'charge-refunded',
  'dispute-changed',
] as const;
export type StripeNotificationKind = (typeof STRIPE_NOTIFICATION_KINDS)[number];

/**
 * A Stripe webhook event, verified by payments against the agency's signing secret and translated
 * into the ids subscriptions re-reads from Stripe: never Stripe's objects themselves, so an event
 * of any size stays small on the bus. Only the fields of its `kind` are set.
 */
export class StripeNotificationReceivedEvent {
  /** Stripe's event id (`evt_…`): the same event delivered again has the same id. */
  @IsString() providerNotificationId!: string;
  /** Stripe's event type, e.g. `invoice.paid`. */
  @IsString() type!: string;
  @IsString() occurredAt!: string;
  @IsIn(STRIPE_NOTIFICATION_KINDS) kind!: StripeNotificationKind;
  @IsOptional() @IsString() checkoutId?: string;
  @IsOptional() @Nullable() @IsString() customerId?: string | null;
  @IsOptional() @Nullable() @IsString() subscriptionId?: string | null;
  @IsOptional() @Nullable() @IsString() reference?: string | null;
  @IsOptional() @Nullable() @IsString() readerKey?: string | null;
  @IsOptional() @IsString() invoiceId?: string;
  @IsOptional() @IsInt() @Min(0) attemptCount?: number;
  @IsOptional() @IsBoolean() firstInvoice?: boolean;
  @IsOptional() @Nullable() @IsString() email?: string | null;
  @IsOptional() @IsString() chargeId?: string;
  @IsOptional() @IsString() disputeId?: string;
}

export const StripeNotificationReceived = defineEvent({
  subject: 'evt.payments.stripe-notification.received.v1',
  data: StripeNotificationReceivedEvent,
  description:
    "A Stripe webhook event payments verified with the agency's signing secret, as the ids and facts subscriptions acts on (events it ignores are not published).",
});
