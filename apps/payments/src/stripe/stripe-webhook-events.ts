import Stripe from 'stripe';
import { StripeNotificationReceivedEvent } from '@libs/contracts';

/** An event whose kind nothing acts on. */
export interface IgnoredStripeEvent {
  providerNotificationId: string;
  type: string;
  occurredAt: string;
  kind: 'ignored';
}

export type TranslatedStripeEvent = StripeNotificationReceivedEvent | IgnoredStripeEvent;

/** Thrown when a webhook's signature does not verify; nothing is stored. */
export class InvalidStripeSignatureError extends Error {}

/**
 * Checks a Stripe webhook's `Stripe-Signature` over the raw body with the agency's signing secret,
 * and translates the event into what subscriptions acts on: the ids it re-reads from Stripe.
 * An event the suite does not act on is answered as `ignored`: stored, so that a delivery of it
 * again is a duplicate, but not published.
 */
export function verifiedStripeNotification(
  payload: string,
  signature: string,
  webhookSecret: string,
  toleranceSeconds: number,
): TranslatedStripeEvent {
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(payload, signature, webhookSecret, toleranceSeconds);
  } catch (error) {
    throw new InvalidStripeSignatureError((error as Error).message);
  }
  return translated(event);
}

function translated(event: Stripe.Event): TranslatedStripeEvent {
  const base = {
    providerNotificationId: event.id,
    occurredAt: fromUnix(event.created).toISOString(),
    type: event.type,
  };
  switch (event.type) {
    case 'checkout.session.async_payment_succeeded':
      return event.data.object.mode === 'payment'
        ? { ...base, kind: 'one-off-checkout-completed', checkoutId: event.data.object.id }
        : { ...base, kind: 'ignored' };
    case 'checkout.session.completed': {
      const session = event.data.object;
      if (session.mode === 'payment') return { ...base, kind: 'one-off-checkout-completed', checkoutId: session.id };
      return {
        ...base,
        kind: 'checkout-completed',
        checkoutId: session.id,
        customerId: idOf(session.customer),
        subscriptionId: idOf(session.subscription),
        reference: session.metadata?.reference || null,
        readerKey: session.metadata?.reader_key || session.client_reference_id || null,
      };
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
    case 'customer.subscription.paused':
    case 'customer.subscription.resumed':
      return { ...base, kind: 'subscription-changed', subscriptionId: event.data.object.id };
    // A schedule's change is a change of the subscription it manages (or managed, once released),
    // which the sync re-reads. `subscription_schedule.expiring` (a reminder) changes nothing: ignored below.
    case 'subscription_schedule.created':
    case 'subscription_schedule.updated':
    case 'subscription_schedule.released':
    case 'subscription_schedule.canceled':
    case 'subscription_schedule.completed':
    case 'subscription_schedule.aborted': {
      const schedule = event.data.object;
      const subscriptionId = idOf(schedule.subscription) ?? schedule.released_subscription;
      return subscriptionId ? { ...base, kind: 'subscription-changed', subscriptionId } : { ...base, kind: 'ignored' };
    }
    case 'invoice.paid':
      return { ...base, kind: 'invoice-paid', invoiceId: event.data.object.id! };
    case 'invoice.finalized':
    case 'invoice.voided':
    case 'invoice.marked_uncollectible':
      return { ...base, kind: 'invoice-changed', invoiceId: event.data.object.id! };
    case 'invoice.payment_failed': {
      const invoice = event.data.object;
      return {
        ...base,
        kind: 'invoice-payment-failed',
        invoiceId: invoice.id!,
        subscriptionId: idOf(invoice.parent?.subscription_details?.subscription ?? null),
        attemptCount: invoice.attempt_count,
        firstInvoice: invoice.billing_reason === 'subscription_create',
      };
    }
    case 'charge.refunded':
      return { ...base, kind: 'charge-refunded', chargeId: event.data.object.id };
    case 'charge.dispute.created':
    case 'charge.dispute.closed':
      return { ...base, kind: 'dispute-changed', disputeId: event.data.object.id };
    case 'customer.updated':
      return {
        ...base,
        kind: 'customer-updated',
        customerId: event.data.object.id,
        email: event.data.object.email ?? null,
      };
    default:
      return { ...base, kind: 'ignored' };
  }
}

function fromUnix(seconds: number): Date {
  return new Date(seconds * 1000);
}

/** The id of an object Stripe gave either by id or expanded. */
function idOf(ref: string | { id: string } | null | undefined): string | null {
  if (!ref) return null;
  return typeof ref === 'string' ? ref : ref.id;
}
