import type { StripeNotificationReceivedEvent } from '@libs/contracts';

/**
 * A provider notification, translated: the facts the domain acts on, whatever the provider called them. Plain
 * JSON (it is stored before it is processed), so the instant is an ISO string.
 */
export type ParsedProviderNotification = { providerNotificationId: string; occurredAt: string; type: string } & (
  | {
      kind: 'checkout-completed';
      checkoutId: string;
      customerId: string | null;
      subscriptionId: string | null;
      reference: string | null;
      readerKey: string | null;
    }
  /** A one-off payment checkout completed or its delayed payment succeeded; whether it is paid is read afresh. */
  | { kind: 'one-off-checkout-completed'; checkoutId: string }
  | { kind: 'subscription-changed'; subscriptionId: string }
  | { kind: 'invoice-paid'; invoiceId: string }
  /** Finalized, voided or marked uncollectible: the invoice is re-read and recorded as it is now. */
  | { kind: 'invoice-changed'; invoiceId: string }
  | {
      kind: 'invoice-payment-failed';
      invoiceId: string;
      subscriptionId: string | null;
      attemptCount: number;
      firstInvoice: boolean;
    }
  | { kind: 'customer-updated'; customerId: string; email: string | null }
  | { kind: 'charge-refunded'; chargeId: string }
  | { kind: 'dispute-changed'; disputeId: string }
  | { kind: 'ignored' }
);

/**
 * The notification payments verified and published, as the domain acts on it: only the fields of
 * its kind, whatever else the event carried.
 */
export function parsedNotificationOf(event: StripeNotificationReceivedEvent): ParsedProviderNotification {
  const base = { providerNotificationId: event.providerNotificationId, occurredAt: event.occurredAt, type: event.type };
  switch (event.kind) {
    case 'checkout-completed':
      return {
        ...base,
        kind: event.kind,
        checkoutId: required(event.checkoutId, event),
        customerId: event.customerId ?? null,
        subscriptionId: event.subscriptionId ?? null,
        reference: event.reference ?? null,
        readerKey: event.readerKey ?? null,
      };
    case 'one-off-checkout-completed':
      return { ...base, kind: event.kind, checkoutId: required(event.checkoutId, event) };
    case 'subscription-changed':
      return { ...base, kind: event.kind, subscriptionId: required(event.subscriptionId, event) };
    case 'invoice-paid':
    case 'invoice-changed':
      return { ...base, kind: event.kind, invoiceId: required(event.invoiceId, event) };
    case 'invoice-payment-failed':
      return {
        ...base,
        kind: event.kind,
        invoiceId: required(event.invoiceId, event),
        subscriptionId: event.subscriptionId ?? null,
        attemptCount: event.attemptCount ?? 0,
        firstInvoice: event.firstInvoice ?? false,
      };
    case 'customer-updated':
      return { ...base, kind: event.kind, customerId: required(event.customerId, event), email: event.email ?? null };
    case 'charge-refunded':
      return { ...base, kind: event.kind, chargeId: required(event.chargeId, event) };
    case 'dispute-changed':
      return { ...base, kind: event.kind, disputeId: required(event.disputeId, event) };
    default: {
      const unknown: never = event.kind;
      throw new Error(`unknown provider notification kind ${String(unknown)}`);
    }
  }
}

function required<T>(value: T | null | undefined, event: StripeNotificationReceivedEvent): T {
  if (value === null || value === undefined)
    throw new Error(`provider notification ${event.providerNotificationId} (${event.kind}) lacks the id it names`);
  return value;
}
