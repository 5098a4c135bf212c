import type { ListedPage, PageRequest } from './page-request';
import type { ProviderAccount } from './provider-account';

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

/** Money going back to readers at the provider: the refunds of a charge, and chargebacks. */
export abstract class ProviderRefundsAndDisputes {
  abstract listRefunds(account: ProviderAccount, chargeId: string): Promise<ProviderRefund[]>;
  abstract retrieveDispute(account: ProviderAccount, disputeId: string): Promise<ProviderDispute>;
  /** One page of the refunds (of charges) created since `since`, newest first, for drift repair. */
  abstract listRefundsPage(
    account: ProviderAccount,
    since: Date,
    page: PageRequest,
  ): Promise<ListedPage<ProviderRefund>>;
  /** One page of the disputes created since `since`, newest first, for drift repair. */
  abstract listDisputesPage(
    account: ProviderAccount,
    since: Date,
    page: PageRequest,
  ): Promise<ListedPage<ProviderDispute>>;
}
