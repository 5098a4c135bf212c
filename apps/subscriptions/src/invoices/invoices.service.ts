import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventOutbox } from '@libs/common';
import { InvoicePaid } from '@libs/contracts';
import { PaymentProvider, ProviderAccount } from '../payments/payment-provider';
import { SubscriptionSyncService } from '../reader-subscriptions/subscription-sync.service';
import { Invoice } from './invoice.entity';

@Injectable()
export class InvoicesService {
  private readonly logger = new Logger(InvoicesService.name);

  constructor(
    private readonly provider: PaymentProvider,
    private readonly subscriptions: SubscriptionSyncService,
    private readonly outbox: EventOutbox,
  ) {}

  /** Records a paid invoice once and tells finance, with what it needs to post it. */
  async recordPaid(tx: EntityManager, account: ProviderAccount, providerInvoiceId: string): Promise<void> {
    const invoice = await this.provider.retrieveInvoice(account, providerInvoiceId);
    if (!invoice.subscriptionId || invoice.status !== 'paid' || !invoice.paidAt) {
      this.logger.log(`invoice ${invoice.id} is not a paid subscription invoice (${invoice.status}); nothing to record`);
      return;
    }
    const subscription = await this.subscriptions.sync(tx, account, invoice.subscriptionId);
    if (!subscription) return;
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(Invoice)
      .values({
        tenantId: account.tenantId, providerInvoiceId: invoice.id, subscriptionId: subscription.id, currency: invoice.currency,
        amountPaid: invoice.amountPaid.toString(), tax: invoice.tax.toString(), providerFee: invoice.fee.toString(),
        providerChargeId: invoice.chargeId, periodStart: invoice.periodStart, periodEnd: invoice.periodEnd, paidAt: invoice.paidAt,
      })
      .orIgnore()
      .returning(['provider_invoice_id'])
      .execute();
    // A trial's zero invoice is recorded but is no money fact: finance has nothing to post.
    if (inserted.raw.length === 0 || invoice.amountPaid === 0n) return;
    await this.outbox.add(tx, InvoicePaid, {
      tenantId: account.tenantId,
      subject: subscription.id,
      time: invoice.paidAt,
      data: {
        subscriptionId: subscription.id, planId: subscription.planId, priceId: subscription.priceId,
        providerInvoiceId: invoice.id, providerChargeId: invoice.chargeId, providerBalanceTransactionId: invoice.balanceTransactionId,
        currency: invoice.currency, amountPaid: invoice.amountPaid.toString(), tax: invoice.tax.toString(), providerFee: invoice.fee.toString(),
        servicePeriodStart: invoice.periodStart.toISOString(), servicePeriodEnd: invoice.periodEnd.toISOString(), paidAt: invoice.paidAt.toISOString(),
      },
    });
  }
}
