import { Injectable } from '@nestjs/common';
import { fromProviderNumber } from '@libs/common';
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
      if (refund.status !== 'succeeded' && refund.status !== 'pending') continue;
      refunds.push({
        id: refund.id,
        chargeId,
        currency: refund.currency.toUpperCase(),
        amount: fromProviderNumber(refund.amount),
        balanceTransactionId: idOf(refund.balance_transaction),
        createdAt: fromUnix(refund.created),
      });
    }
    return refunds;
  }

  async retrieveDispute(account: ProviderAccount, disputeId: string): Promise<ProviderDispute> {
    const dispute = await this.stripe.call(account, (s) => s.disputes.retrieve(disputeId));
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
}
