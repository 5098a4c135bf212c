import type { PageRequest } from './page-request';
import type { ProviderAccount } from './provider-account';

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

/** The movements of money on the agency's provider account, as finance reconciles them. */
export abstract class ProviderBalance {
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
}
