import { Injectable } from '@nestjs/common';
import { ValidationFailedError } from '@libs/common';
import {
  ListProviderActivityRequest,
  PROVIDER_BALANCE_PAGE_MAX,
  ProviderBalanceTransactionPage,
  ProviderPayoutPage,
} from '@libs/contracts';
import { PageRequest } from '../payments/page-request';
import { ActivityRange, ProviderBalance } from '../payments/provider-balance';
import { StripeAccountsService } from '../stripe-accounts/stripe-accounts.service';

/**
 * The agency's provider balance as finance reconciles it: balance transactions and payouts, a
 * page at a time, read through the payment adapter (finance never holds provider credentials).
 */
@Injectable()
export class ProviderBalanceService {
  constructor(
    private readonly accounts: StripeAccountsService,
    private readonly provider: ProviderBalance,
  ) {}

  async balanceTransactions(
    tenantId: string,
    request: ListProviderActivityRequest,
  ): Promise<ProviderBalanceTransactionPage> {
    const account = await this.accounts.providerAccountOf(tenantId);
    const page = await this.provider.listBalanceTransactionsPage(account, rangeOf(request), pageOf(request));
    return {
      items: page.items.map((txn) => ({
        id: txn.id,
        createdAt: txn.createdAt.toISOString(),
        availableOn: txn.availableOn.toISOString(),
        currency: txn.currency,
        amount: txn.amount.toString(),
        fee: txn.fee.toString(),
        net: txn.net.toString(),
        reportingCategory: txn.reportingCategory,
        type: txn.type,
        sourceId: txn.sourceId,
        description: txn.description,
      })),
      nextAfter: page.next,
    };
  }

  async payouts(tenantId: string, request: ListProviderActivityRequest): Promise<ProviderPayoutPage> {
    const account = await this.accounts.providerAccountOf(tenantId);
    const page = await this.provider.listPayoutsPage(account, rangeOf(request), pageOf(request));
    return {
      items: page.items.map((payout) => ({
        id: payout.id,
        createdAt: payout.createdAt.toISOString(),
        arrivalDate: payout.arrivalDate.toISOString().slice(0, 10),
        currency: payout.currency,
        amount: payout.amount.toString(),
        status: payout.status,
        statementDescriptor: payout.statementDescriptor,
        balanceTransactionId: payout.balanceTransactionId,
      })),
      nextAfter: page.next,
    };
  }
}

function rangeOf(request: ListProviderActivityRequest): ActivityRange {
  const range = { createdFrom: new Date(request.createdFrom), createdTo: new Date(request.createdTo) };
  if (range.createdTo <= range.createdFrom)
    throw new ValidationFailedError([{ field: 'createdTo', message: 'createdTo must be after createdFrom' }]);
  return range;
}

function pageOf(request: ListProviderActivityRequest): PageRequest {
  return { after: request.after ?? null, limit: request.limit ?? PROVIDER_BALANCE_PAGE_MAX };
}
