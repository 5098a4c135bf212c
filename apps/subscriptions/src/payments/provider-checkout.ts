import type { ListedPage, PageRequest } from './page-request';
import type { ProviderAccount } from './provider-account';

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

/**
 * The provider's hosted pages: a reader's customer record, checkouts of a subscription or of one
 * payment (and where that payment stands), and the self-service portal.
 */
export abstract class ProviderCheckout {
  abstract createCustomer(
    account: ProviderAccount,
    idempotencyKey: string,
    customer: { email: string | null; readerKey: string },
  ): Promise<string>;
  /** Throws `UnknownPromotionCodeError` when the promotion code asked for cannot be redeemed. */
  abstract createCheckout(account: ProviderAccount, checkout: NewCheckout): Promise<{ id: string; url: string }>;
  abstract createOneOffCheckout(
    account: ProviderAccount,
    checkout: NewOneOffCheckout,
  ): Promise<{ id: string; url: string }>;
  abstract retrieveOneOffPayment(account: ProviderAccount, checkoutId: string): Promise<ProviderOneOffPayment>;
  /**
   * One page of the completed one-off checkouts created since `since` that name a purchase (their ids, newest
   * first), for drift repair; whether each is paid is read with `retrieveOneOffPayment`.
   */
  abstract listCompletedPurchaseCheckoutsPage(
    account: ProviderAccount,
    since: Date,
    page: PageRequest,
  ): Promise<ListedPage<string>>;
  abstract createPortal(account: ProviderAccount, customerId: string, returnUrl: string): Promise<{ url: string }>;
}
