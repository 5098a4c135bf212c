import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventOutbox } from '@libs/common';
import { ChargeRefunded, DisputeClosed, DisputeOpened } from '@libs/contracts';
import { InvoiceRepository } from '../invoices/invoice.repository';
import { ProviderAccount } from '../payments/provider-account';
import { ProviderDispute, ProviderRefund, ProviderRefundsAndDisputes } from '../payments/provider-refunds-and-disputes';
import { DisputeRepository } from './dispute.repository';
import { RefundRepository } from './refund.repository';

/** Money going back to readers, recorded once each and told to finance. */
@Injectable()
export class RefundsAndDisputesService {
  constructor(
    private readonly provider: ProviderRefundsAndDisputes,
    private readonly outbox: EventOutbox,
    private readonly refunds: RefundRepository,
    private readonly disputes: DisputeRepository,
    private readonly invoices: InvoiceRepository,
  ) {}

  /** The charge's refunds as the provider has them now (one notification may cover several); read before any transaction opens. */
  fetchRefunds(account: ProviderAccount, chargeId: string): Promise<ProviderRefund[]> {
    return this.provider.listRefunds(account, chargeId);
  }

  /** Each refund read (before the transaction) recorded, unless it already was. */
  async recordRefunds(tx: EntityManager, account: ProviderAccount, refunds: ProviderRefund[]): Promise<void> {
    for (const refund of refunds) await this.recordRefund(tx, account, refund);
  }

  /** One refund as read from the provider, recorded and told to finance unless it already was. */
  async recordRefund(tx: EntityManager, account: ProviderAccount, refund: ProviderRefund): Promise<void> {
    const chargeId = refund.chargeId;
    const subscriptionId = await this.subscriptionOfCharge(tx, account.tenantId, chargeId);
    const inserted = await this.refunds.insertOnce(tx, {
      tenantId: account.tenantId,
      providerRefundId: refund.id,
      providerChargeId: chargeId,
      subscriptionId,
      currency: refund.currency,
      amount: refund.amount.toString(),
      refundedAt: refund.createdAt,
    });
    if (!inserted) return;
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

  /** Opens the dispute on first sight and closes it once, whatever order the notifications come in. */
  /** The dispute as the provider has it now; read before any transaction opens. */
  fetchDispute(account: ProviderAccount, disputeId: string): Promise<ProviderDispute> {
    return this.provider.retrieveDispute(account, disputeId);
  }

  /** The dispute as read from the provider (before the transaction), opened and closed at most once each. */
  async recordDisputeAsRead(
    tx: EntityManager,
    account: ProviderAccount,
    remote: ProviderDispute,
    seenAt: Date,
  ): Promise<void> {
    const disputeId = remote.id;
    let known = await this.disputes.lockOfTenant(tx, account.tenantId, disputeId);
    const common = {
      providerDisputeId: remote.id,
      providerChargeId: remote.chargeId,
      currency: remote.currency,
      amount: remote.amount.toString(),
    };
    if (!known) {
      const subscriptionId = await this.subscriptionOfCharge(tx, account.tenantId, remote.chargeId);
      known = await this.disputes.save(tx, { tenantId: account.tenantId, ...common, subscriptionId, status: 'open' });
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
      await this.disputes.updateStatus(tx, account.tenantId, remote.id, remote.status);
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
    const invoice = await this.invoices.findByCharge(tx, tenantId, chargeId);
    return invoice?.subscriptionId ?? null;
  }
}
