import { Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import { fromProviderNumber } from '@libs/common';
import type { ListedPage, PageRequest } from '../page-request';
import type { ProviderAccount } from '../provider-account';
import { ProviderDispute, ProviderRefund, ProviderRefundsAndDisputes } from '../provider-refunds-and-disputes';
import { StripeClient } from './stripe-client';
import { fromUnix, idOf } from './stripe-conversions';

/** Refunds of a charge and disputes at Stripe. */
@Injectable()
export class StripeRefundsAndDisputes extends ProviderRefundsAndDisputes {
  constructor(private readonly stripe: StripeClient) {
    super();
  }

  async listRefunds(account: ProviderAccount, chargeId: string): Promise<ProviderRefund[]> {
    const refunds: ProviderRefund[] = [];
    for await (const refund of this.stripe.sdk(account).refunds.list({ charge: chargeId, limit: 100 })) {
      if (counts(refund)) refunds.push(toProviderRefund(refund, chargeId));
    }
    return refunds;
  }

  async listRefundsPage(account: ProviderAccount, since: Date, page: PageRequest): Promise<ListedPage<ProviderRefund>> {
    const list = await this.stripe.call(account, (s) =>
      s.refunds.list({ created: createdSince(since), limit: page.limit, starting_after: page.after ?? undefined }),
    );
    const items = list.data.flatMap((refund) => {
      const chargeId = idOf(refund.charge);
      return chargeId && counts(refund) ? [toProviderRefund(refund, chargeId)] : [];
    });
    return { items, next: nextOf(list) };
  }

  async listDisputesPage(
    account: ProviderAccount,
    since: Date,
    page: PageRequest,
  ): Promise<ListedPage<ProviderDispute>> {
    const list = await this.stripe.call(account, (s) =>
      s.disputes.list({ created: createdSince(since), limit: page.limit, starting_after: page.after ?? undefined }),
    );
    return { items: list.data.map(toProviderDispute), next: nextOf(list) };
  }

  async retrieveDispute(account: ProviderAccount, disputeId: string): Promise<ProviderDispute> {
    return toProviderDispute(await this.stripe.call(account, (s) => s.disputes.retrieve(disputeId)));
  }
}

/** A refund that moves money (pending or done); failed and canceled ones do not. */
function counts(refund: Stripe.Refund): boolean {
  return refund.status === 'succeeded' || refund.status === 'pending';
}

function toProviderRefund(refund: Stripe.Refund, chargeId: string): ProviderRefund {
  return {
    id: refund.id,
    chargeId,
    currency: refund.currency.toUpperCase(),
    amount: fromProviderNumber(refund.amount),
    balanceTransactionId: idOf(refund.balance_transaction),
    createdAt: fromUnix(refund.created),
  };
}

function toProviderDispute(dispute: Stripe.Dispute): ProviderDispute {
  const fee = dispute.balance_transactions.reduce(
    (sum, t) => (t.amount < 0 ? sum + fromProviderNumber(t.fee) : sum),
    0n,
  );
  return {
    id: dispute.id,
    chargeId: idOf(dispute.charge)!,
    currency: dispute.currency.toUpperCase(),
    amount: fromProviderNumber(dispute.amount),
    fee,
    status: dispute.status === 'won' ? 'won' : dispute.status === 'lost' ? 'lost' : 'open',
    createdAt: fromUnix(dispute.created),
  };
}

function createdSince(since: Date): Stripe.RangeQueryParam {
  return { gte: Math.floor(since.getTime() / 1000) };
}

/** Where the following page starts: after the last object listed, whether or not it was kept. */
function nextOf(list: Stripe.ApiList<{ id: string }>): string | null {
  return list.has_more ? (list.data.at(-1)?.id ?? null) : null;
}
