import { Injectable } from '@nestjs/common';
import { fromProviderNumber } from '@libs/common';
import type { PageRequest } from '../page-request';
import type { ProviderAccount } from '../provider-account';
import {
  ActivityRange,
  ProviderBalance,
  ProviderBalanceTransaction,
  ProviderListing,
  ProviderPayout,
} from '../provider-balance';
import { StripeClient } from './stripe-client';
import { fromUnix, idOf } from './stripe-conversions';

/** Balance transactions and payouts of the agency's Stripe account. */
@Injectable()
export class StripeBalance extends ProviderBalance {
  constructor(private readonly stripe: StripeClient) {
    super();
  }

  async listBalanceTransactionsPage(
    account: ProviderAccount,
    range: ActivityRange,
    page: PageRequest,
  ): Promise<ProviderListing<ProviderBalanceTransaction>> {
    const list = await this.stripe.call(account, (s) =>
      s.balanceTransactions.list({
        created: createdWithin(range),
        limit: page.limit,
        starting_after: page.after ?? undefined,
      }),
    );
    const items = list.data.map((txn): ProviderBalanceTransaction => ({
      id: txn.id,
      createdAt: fromUnix(txn.created),
      availableOn: fromUnix(txn.available_on),
      currency: txn.currency.toUpperCase(),
      amount: fromProviderNumber(txn.amount),
      fee: fromProviderNumber(txn.fee),
      net: fromProviderNumber(txn.net),
      reportingCategory: txn.reporting_category,
      type: txn.type,
      sourceId: idOf(txn.source),
      description: txn.description ?? null,
    }));
    return { items, next: list.has_more ? (items.at(-1)?.id ?? null) : null };
  }

  async listPayoutsPage(
    account: ProviderAccount,
    range: ActivityRange,
    page: PageRequest,
  ): Promise<ProviderListing<ProviderPayout>> {
    const list = await this.stripe.call(account, (s) =>
      s.payouts.list({ created: createdWithin(range), limit: page.limit, starting_after: page.after ?? undefined }),
    );
    const items = list.data.map((payout): ProviderPayout => ({
      id: payout.id,
      createdAt: fromUnix(payout.created),
      arrivalDate: fromUnix(payout.arrival_date),
      currency: payout.currency.toUpperCase(),
      amount: fromProviderNumber(payout.amount),
      status: payout.status,
      statementDescriptor: payout.statement_descriptor ?? null,
      balanceTransactionId: idOf(payout.balance_transaction),
    }));
    return { items, next: list.has_more ? (items.at(-1)?.id ?? null) : null };
  }
}

/** Stripe's `created` filter: whole seconds, from inclusive, to exclusive. */
function createdWithin(range: ActivityRange): { gte: number; lt: number } {
  return { gte: Math.ceil(range.createdFrom.getTime() / 1000), lt: Math.ceil(range.createdTo.getTime() / 1000) };
}
