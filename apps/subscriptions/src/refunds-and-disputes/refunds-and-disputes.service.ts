import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventOutbox } from '@libs/common';
import { ChargeRefunded, DisputeClosed, DisputeOpened } from '@libs/contracts';
import { Invoice } from '../invoices/invoice.entity';
import { PaymentProvider, ProviderAccount } from '../payments/payment-provider';
import { Dispute } from './dispute.entity';
import { Refund } from './refund.entity';

/** Money going back to readers, recorded once each and told to finance. */
@Injectable()
export class RefundsAndDisputesService {
  constructor(
    private readonly provider: PaymentProvider,
    private readonly outbox: EventOutbox,
  ) {}

  /** Every refund of the charge not recorded yet (a charge.refunded event may cover several). */
  async recordRefunds(tx: EntityManager, account: ProviderAccount, chargeId: string): Promise<void> {
    const subscriptionId = await this.subscriptionOfCharge(tx, account.tenantId, chargeId);
    for (const refund of await this.provider.listRefunds(account, chargeId)) {
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(Refund)
        .values({
          tenantId: account.tenantId,
          providerRefundId: refund.id,
          providerChargeId: chargeId,
          subscriptionId,
          currency: refund.currency,
          amount: refund.amount.toString(),
          refundedAt: refund.createdAt,
        })
        .orIgnore()
        .returning(['provider_refund_id'])
        .execute();
      if (inserted.raw.length === 0) continue;
      await this.outbox.add(tx, ChargeRefunded, {
        tenantId: account.tenantId,
        subject: refund.id,
        time: refund.createdAt,
        data: {
          providerRefundId: refund.id,
          providerChargeId: chargeId,
          providerBalanceTransactionId: refund.balanceTransactionId,
          subscriptionId,
          currency: refund.currency,
          amount: refund.amount.toString(),
          refundedAt: refund.createdAt.toISOString(),
        },
      });
    }
  }

  /** Opens the dispute on first sight and closes it once, whatever order the events come in. */
  async recordDispute(tx: EntityManager, account: ProviderAccount, disputeId: string, seenAt: Date): Promise<void> {
    const remote = await this.provider.retrieveDispute(account, disputeId);
    const repo = tx.getRepository(Dispute);
    let known = await repo.findOne({
      where: { tenantId: account.tenantId, providerDisputeId: disputeId },
      lock: { mode: 'pessimistic_write' },
    });
    const common = {
      providerDisputeId: remote.id,
      providerChargeId: remote.chargeId,
      currency: remote.currency,
      amount: remote.amount.toString(),
    };
    if (!known) {
      const subscriptionId = await this.subscriptionOfCharge(tx, account.tenantId, remote.chargeId);
      known = await repo.save(repo.create({ tenantId: account.tenantId, ...common, subscriptionId, status: 'open' }));
      await this.outbox.add(tx, DisputeOpened, {
        tenantId: account.tenantId,
        subject: remote.id,
        time: remote.createdAt,
        data: {
          ...common,
          subscriptionId,
          providerFee: remote.fee.toString(),
          openedAt: remote.createdAt.toISOString(),
        },
      });
    }
    if (known.status === 'open' && remote.status !== 'open') {
      await repo.update({ tenantId: account.tenantId, providerDisputeId: remote.id }, { status: remote.status });
      await this.outbox.add(tx, DisputeClosed, {
        tenantId: account.tenantId,
        subject: remote.id,
        time: seenAt,
        data: {
          ...common,
          subscriptionId: known.subscriptionId,
          outcome: remote.status,
          closedAt: seenAt.toISOString(),
        },
      });
    }
  }

  private async subscriptionOfCharge(tx: EntityManager, tenantId: string, chargeId: string): Promise<string | null> {
    const invoice = await tx.getRepository(Invoice).findOne({ where: { tenantId, providerChargeId: chargeId } });
    return invoice?.subscriptionId ?? null;
  }
}
