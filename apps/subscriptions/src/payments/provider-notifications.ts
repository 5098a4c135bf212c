import type { ProviderAccount } from './provider-account';

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

/** What a provider sends about what happened at it (a webhook event, an IPN), verified and translated. */
export abstract class ProviderNotifications {
  /**
   * Verifies the signature on the raw body with the account's signing secret and translates the
   * notification; throws `InvalidProviderNotificationError` on a bad or stale signature.
   */
  abstract verifyAndParse(account: ProviderAccount, payload: string, signature: string): ParsedProviderNotification;
}
