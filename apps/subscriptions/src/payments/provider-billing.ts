import type { PageRequest } from './page-request';
import type { ProviderAccount } from './provider-account';

export interface ProviderSubscription {
  id: string;
  customerId: string;
  status: 'incomplete' | 'incomplete_expired' | 'trialing' | 'active' | 'past_due' | 'unpaid' | 'paused' | 'canceled';
  priceId: string;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
  trialEnd: Date | null;
  /** The tax rates the provider applies to the subscription's next invoices. */
  taxRateIds: string[];
  metadata: Record<string, string>;
  /** A move to another price the provider will make at a later instant (the period's end); null when none is scheduled. */
  scheduledPriceChange: ScheduledPriceChange | null;
}

export interface ScheduledPriceChange {
  /** The provider's object that will make the change. */
  scheduleId: string;
  priceId: string;
  effectiveAt: Date;
}

/** One page of a provider list, newest first. */
export interface ProviderPage {
  ids: string[];
  /** What to pass as `after` for the following page; null when this page was the last. */
  next: string | null;
  /** How many objects the whole list holds, when the provider says (not every one does). */
  total: number | null;
}

export interface ProviderInvoice {
  id: string;
  subscriptionId: string | null;
  status: 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';
  currency: string;
  /** Billed, tax included. */
  amountDue: bigint;
  amountPaid: bigint;
  tax: bigint;
  /** Set only once paid: the payment's charge, its balance transaction and the provider's fee. */
  chargeId: string | null;
  balanceTransactionId: string | null;
  fee: bigint;
  periodStart: Date;
  periodEnd: Date;
  /** Only for invoices sent for payment; null when the card on file is charged. */
  dueDate: Date | null;
  finalizedAt: Date | null;
  paidAt: Date | null;
  voidedAt: Date | null;
  markedUncollectibleAt: Date | null;
}

/** The answer to one payment attempt on an open invoice. */
export type InvoicePaymentAttempt =
  | { outcome: 'paid' }
  /** The card was declined (or needs the customer): a failed attempt, as the provider put it. */
  | { outcome: 'declined'; reason: string }
  /** The invoice is no longer open (paid, void or uncollectible before this attempt); nothing was attempted. */
  | { outcome: 'not-open'; status: ProviderInvoice['status'] };

/**
 * Recurring billing at the provider: subscriptions and their price changes (now, or scheduled
 * for the period's end), their VAT rates and their end after failed payments; invoices and
 * payment retries; and the pages of both that drift repair walks.
 */
export abstract class ProviderBilling {
  abstract retrieveSubscription(account: ProviderAccount, subscriptionId: string): Promise<ProviderSubscription>;
  /** What moving to another price now would charge at once, prorated at `prorationDate` (unix seconds). */
  abstract previewPriceChange(
    account: ProviderAccount,
    change: { subscriptionId: string; newPriceId: string; prorationDate: number },
  ): Promise<{ currency: string; amountDueNow: bigint }>;
  /**
   * Moves the subscription to another price now and charges the prorated difference at once. A
   * scheduled change is dropped first, so that it cannot undo this one later.
   */
  abstract changePrice(
    account: ProviderAccount,
    idempotencyKey: string,
    change: { subscriptionId: string; newPriceId: string; prorationDate: number },
  ): Promise<void>;
  /**
   * Schedules a move to another price at the end of the current period, with nothing charged now;
   * it replaces a change scheduled before. Read it back with `retrieveSubscription`.
   */
  abstract schedulePriceChange(
    account: ProviderAccount,
    idempotencyKey: string,
    change: { subscriptionId: string; newPriceId: string },
  ): Promise<void>;
  /** Drops a scheduled change; the subscription stays on its price. */
  abstract cancelScheduledPriceChange(
    account: ProviderAccount,
    idempotencyKey: string,
    scheduleId: string,
  ): Promise<void>;
  abstract setSubscriptionTaxRates(
    account: ProviderAccount,
    idempotencyKey: string,
    subscriptionId: string,
    taxRateIds: string[],
  ): Promise<void>;
  /** Cancels the subscription at the end of its period (nothing more billed) or now (no proration, no final invoice). */
  abstract cancelSubscription(
    account: ProviderAccount,
    idempotencyKey: string,
    subscriptionId: string,
    atPeriodEnd: boolean,
  ): Promise<void>;
  /** Undoes a cancellation at the end of the period (`cancel_at_period_end=false`): the subscription renews again. */
  abstract resumeSubscription(account: ProviderAccount, idempotencyKey: string, subscriptionId: string): Promise<void>;
  /** What dunning does after the last failed retry. */
  abstract endAfterFailedPayments(
    account: ProviderAccount,
    idempotencyKey: string,
    subscriptionId: string,
    action: 'cancel' | 'pause',
  ): Promise<void>;
  /** One page of the account's subscriptions (all statuses), for drift repair. */
  abstract listSubscriptionsPage(account: ProviderAccount, page: PageRequest): Promise<ProviderPage>;
  abstract retrieveInvoice(account: ProviderAccount, invoiceId: string): Promise<ProviderInvoice>;
  /** Attempts to collect an open invoice now with the customer's payment method on file. */
  abstract retryInvoicePayment(
    account: ProviderAccount,
    idempotencyKey: string,
    invoiceId: string,
  ): Promise<InvoicePaymentAttempt>;
  /** One page of the paid invoices created since `since`, for drift repair. */
  abstract listPaidInvoicesPage(account: ProviderAccount, since: Date, page: PageRequest): Promise<ProviderPage>;
}
