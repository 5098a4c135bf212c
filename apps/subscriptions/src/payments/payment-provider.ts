/**
 * What the subscriptions domain needs from a payment provider, in its own words. Stripe is the
 * first adapter; a domestic provider (VNPay, MoMo) implements the same port.
 */
export interface ProviderAccount {
  tenantId: string;
  secretKey: string;
  webhookSecret: string;
}

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
  /** The provider's object that will make the change (a Stripe subscription schedule). */
  scheduleId: string;
  priceId: string;
  effectiveAt: Date;
}

/** Where a page of a provider list starts: after the object `after` (null: from the newest). */
export interface PageRequest {
  after: string | null;
  limit: number;
}

/** One page of a provider list, newest first. */
export interface ProviderPage {
  ids: string[];
  /** What to pass as `after` for the following page; null when this page was the last. */
  next: string | null;
  /** How many objects the whole list holds, when the provider says (Stripe does not). */
  total: number | null;
}

/** Provider objects created in `[createdFrom, createdTo)`, for finance's reconciliation imports. */
export interface ActivityRange {
  createdFrom: Date;
  createdTo: Date;
}

/** A page of a provider list, newest first, with what to pass as `after` next (null: the last page). */
export interface ProviderListing<T> {
  items: T[];
  next: string | null;
}

/** Money moving in or out of the provider balance (`net = amount - fee`). */
export interface ProviderBalanceTransaction {
  id: string;
  createdAt: Date;
  availableOn: Date;
  currency: string;
  amount: bigint;
  fee: bigint;
  net: bigint;
  reportingCategory: string;
  type: string;
  /** The charge, refund, dispute or payout the money moved for. */
  sourceId: string | null;
  description: string | null;
}

/** Money sent from the provider balance to the agency's bank. */
export interface ProviderPayout {
  id: string;
  createdAt: Date;
  arrivalDate: Date;
  currency: string;
  amount: bigint;
  status: string;
  statementDescriptor: string | null;
  balanceTransactionId: string | null;
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

export interface ProviderCoupon {
  id: string;
  name: string;
  percentOff: number | null;
  amountOff: bigint | null;
  currency: string | null;
  duration: 'once' | 'repeating' | 'forever';
  durationInMonths: number | null;
  maxRedemptions: number | null;
  timesRedeemed: number;
  redeemBy: Date | null;
  valid: boolean;
  codes: string[];
}

export type NewCoupon = Omit<ProviderCoupon, 'id' | 'timesRedeemed' | 'valid' | 'codes'> & { code: string | null };

export class UnknownPromotionCodeError extends Error {}

export interface ProviderRefund {
  id: string;
  chargeId: string;
  currency: string;
  amount: bigint;
  balanceTransactionId: string | null;
  createdAt: Date;
}

export interface ProviderDispute {
  id: string;
  chargeId: string;
  currency: string;
  amount: bigint;
  fee: bigint;
  status: 'open' | 'won' | 'lost';
  createdAt: Date;
}

/**
 * A webhook, translated: the facts the domain acts on, whatever the provider called them. Plain
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

export interface NewCheckout {
  idempotencyKey: string;
  providerPriceId: string;
  customerId: string | null;
  email: string | null;
  readerKey: string;
  trialDays: number;
  promotionCode: string | null;
  successUrl: string;
  cancelUrl: string;
  reference: string | null;
  /** VAT applied to the subscription's invoices (provider tax rate ids). */
  taxRateIds: string[];
}

/**
 * A hosted page collecting one payment (no subscription): `quantity` x `unitAmount` of the
 * provider product, taxed with `taxRateIds`. `purchaseId` comes back with the payment.
 */
export interface NewOneOffCheckout {
  idempotencyKey: string;
  purchaseId: string;
  providerProductId: string;
  currency: string;
  unitAmount: bigint;
  quantity: number;
  email: string;
  successUrl: string;
  cancelUrl: string;
  taxRateIds: string[];
  description: string;
}

/** Where a one-off checkout's payment stands, with what finance needs once it is paid. */
export interface ProviderOneOffPayment {
  checkoutId: string;
  /** The purchase id given when the checkout was opened. */
  purchaseId: string | null;
  paid: boolean;
  currency: string;
  /** Total charged, tax included. */
  amountPaid: bigint;
  tax: bigint;
  paymentIntentId: string | null;
  chargeId: string | null;
  balanceTransactionId: string | null;
  fee: bigint;
  paidAt: Date | null;
}

export abstract class PaymentProvider {
  abstract createProduct(
    account: ProviderAccount,
    idempotencyKey: string,
    product: { name: string; ourId: string },
  ): Promise<string>;
  abstract createPrice(
    account: ProviderAccount,
    idempotencyKey: string,
    price: {
      productId: string;
      currency: string;
      unitAmount: bigint;
      interval: 'month' | 'year';
      intervalCount: number;
      ourId: string;
    },
  ): Promise<string>;
  abstract createCustomer(
    account: ProviderAccount,
    idempotencyKey: string,
    customer: { email: string | null; readerKey: string },
  ): Promise<string>;
  abstract createCheckout(account: ProviderAccount, checkout: NewCheckout): Promise<{ id: string; url: string }>;
  abstract createOneOffCheckout(
    account: ProviderAccount,
    checkout: NewOneOffCheckout,
  ): Promise<{ id: string; url: string }>;
  abstract retrieveOneOffPayment(account: ProviderAccount, checkoutId: string): Promise<ProviderOneOffPayment>;
  abstract createPortal(account: ProviderAccount, customerId: string, returnUrl: string): Promise<{ url: string }>;
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
  /** Attempts to collect an open invoice now with the customer's payment method on file. */
  abstract retryInvoicePayment(
    account: ProviderAccount,
    idempotencyKey: string,
    invoiceId: string,
  ): Promise<InvoicePaymentAttempt>;
  /** What dunning does after the last failed retry. */
  abstract endAfterFailedPayments(
    account: ProviderAccount,
    idempotencyKey: string,
    subscriptionId: string,
    action: 'cancel' | 'pause',
  ): Promise<void>;
  /** One page of the account's subscriptions (all statuses), for drift repair. */
  abstract listSubscriptionsPage(account: ProviderAccount, page: PageRequest): Promise<ProviderPage>;
  /** One page of the paid invoices created since `since`, for drift repair. */
  abstract listPaidInvoicesPage(account: ProviderAccount, since: Date, page: PageRequest): Promise<ProviderPage>;
  /** One page of the balance transactions created in the range, for reconciliation. */
  abstract listBalanceTransactionsPage(
    account: ProviderAccount,
    range: ActivityRange,
    page: PageRequest,
  ): Promise<ProviderListing<ProviderBalanceTransaction>>;
  /** One page of the payouts created in the range, for reconciliation. */
  abstract listPayoutsPage(
    account: ProviderAccount,
    range: ActivityRange,
    page: PageRequest,
  ): Promise<ProviderListing<ProviderPayout>>;
  abstract createTaxRate(
    account: ProviderAccount,
    idempotencyKey: string,
    rate: { displayName: string; percentage: string; inclusive: boolean; country: string },
  ): Promise<string>;
  abstract setSubscriptionTaxRates(
    account: ProviderAccount,
    idempotencyKey: string,
    subscriptionId: string,
    taxRateIds: string[],
  ): Promise<void>;
  abstract createCoupon(account: ProviderAccount, idempotencyKey: string, coupon: NewCoupon): Promise<ProviderCoupon>;
  abstract listCoupons(account: ProviderAccount): Promise<ProviderCoupon[]>;
  abstract listRefunds(account: ProviderAccount, chargeId: string): Promise<ProviderRefund[]>;
  abstract retrieveDispute(account: ProviderAccount, disputeId: string): Promise<ProviderDispute>;
  abstract retrieveInvoice(account: ProviderAccount, invoiceId: string): Promise<ProviderInvoice>;
  /** Verifies the signature on the raw body; throws on a bad or stale one. */
  abstract parseWebhook(
    account: ProviderAccount,
    payload: string,
    signature: string,
    toleranceSeconds: number,
  ): ParsedProviderNotification;
}

export class InvalidWebhookError extends Error {}
