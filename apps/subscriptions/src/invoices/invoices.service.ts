import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EventOutbox, NotFoundError } from '@libs/common';
import {
  InvoiceFinalized,
  InvoiceListResponse,
  InvoicePaid,
  InvoiceView,
  InvoiceVoided,
  LIST_PAGE_DEFAULT,
  ListInvoicesRequest,
} from '@libs/contracts';
import { ProviderAccount } from '../payments/provider-account';
import { ProviderBilling, ProviderInvoice } from '../payments/provider-billing';
import { ReaderSubscription } from '../reader-subscriptions/reader-subscription.entity';
import { FetchedSubscription, SubscriptionSyncService } from '../reader-subscriptions/subscription-sync.service';
import { Invoice } from './invoice.entity';
import { advanceInvoice, amountWrittenOff, InvoiceFacts } from './invoice-lifecycle';
import { toInvoiceView } from './invoice.mapper';
import { InvoiceRepository } from './invoice.repository';

/** An invoice as read from the provider, with its subscription when it is a finalized subscription invoice. */
export interface FetchedInvoice {
  invoice: ProviderInvoice;
  subscription: FetchedSubscription | null;
}

function isRecordable(invoice: ProviderInvoice): boolean {
  return !!invoice.subscriptionId && invoice.status !== 'draft';
}

/**
 * Subscription invoices through their lifecycle, as the provider reports them: finalized (billed),
 * then paid, voided or marked uncollectible. Finance hears each money fact once, in the
 * transaction that records it.
 */
@Injectable()
export class InvoicesService {
  private readonly logger = new Logger(InvoicesService.name);

  constructor(
    private readonly provider: ProviderBilling,
    private readonly subscriptions: SubscriptionSyncService,
    private readonly invoices: InvoiceRepository,
    private readonly outbox: EventOutbox,
  ) {}

  /** The invoice and its subscription as the provider has them now; read before any transaction opens. */
  async fetch(account: ProviderAccount, providerInvoiceId: string): Promise<FetchedInvoice> {
    const invoice = await this.provider.retrieveInvoice(account, providerInvoiceId);
    const subscription = isRecordable(invoice)
      ? await this.subscriptions.fetch(account, invoice.subscriptionId!)
      : null;
    return { invoice, subscription };
  }

  /** Records the invoice as read from the provider; answers our row, or null for drafts and invoices of no
   * subscription of the agency's. */
  async write(tx: EntityManager, account: ProviderAccount, fetched: FetchedInvoice): Promise<Invoice | null> {
    if (!fetched.subscription) return this.notRecorded(fetched.invoice);
    const subscription = await this.subscriptions.write(tx, account, fetched.subscription);
    return subscription && this.save(tx, account, fetched.invoice, subscription);
  }

  private notRecorded(remote: ProviderInvoice): null {
    this.logger.log(
      `invoice ${remote.id} is not a finalized subscription invoice (${remote.status}); nothing to record`,
    );
    return null;
  }

  private async save(
    tx: EntityManager,
    account: ProviderAccount,
    remote: ProviderInvoice,
    subscription: ReaderSubscription,
  ): Promise<Invoice | null> {
    await this.invoices.lock(tx, account.tenantId, remote.id);
    const current = await this.invoices.findByProviderId(tx, account.tenantId, remote.id);
    const advance = advanceInvoice(current, remote);
    if (!advance) return current;
    const saved = await this.invoices.save(tx, {
      ...(current ?? {
        tenantId: account.tenantId,
        providerInvoiceId: remote.id,
        id: randomUUID(),
        subscriptionId: subscription.id,
        paymentId: null,
        payPageUrl: null,
        tokenChargeAttemptedAt: null,
        proration: false,
        creditApplied: '0',
        recordedAt: new Date(),
      }),
      ...advance.record,
    });
    await this.publish(tx, subscription, saved, advance.facts);
    return saved;
  }

  async list(tenantId: string, request: ListInvoicesRequest): Promise<InvoiceListResponse> {
    const limit = request.limit ?? LIST_PAGE_DEFAULT;
    const rows = await this.invoices.findPageOfTenant(
      tenantId,
      { subscriptionId: request.subscriptionId, status: request.status },
      limit,
      request.before,
    );
    return { items: rows.map(toInvoiceView), nextBefore: rows.length === limit ? rows[rows.length - 1].id : null };
  }

  async get(tenantId: string, id: string): Promise<InvoiceView> {
    const invoice = await this.invoices.findOneOfTenant(tenantId, id);
    if (!invoice) throw new NotFoundError('invoice', id);
    return toInvoiceView(invoice);
  }

  /**
   * Publishes the money facts the invoice's last change made true, in the transaction that records
   * it (also for invoices the suite bills itself: rail billing).
   */
  async publish(
    tx: EntityManager,
    subscription: ReaderSubscription,
    invoice: Invoice,
    facts: InvoiceFacts,
  ): Promise<void> {
    const tenantId = invoice.tenantId;
    const about = {
      subscriptionId: subscription.id,
      planId: subscription.planId,
      priceId: subscription.priceId,
      providerInvoiceId: invoice.providerInvoiceId,
    };
    const period = {
      servicePeriodStart: invoice.periodStart.toISOString(),
      servicePeriodEnd: invoice.periodEnd.toISOString(),
    };
    if (facts.finalized && invoice.finalizedAt) {
      await this.outbox.add(tx, InvoiceFinalized, {
        tenantId,
        subject: subscription.id,
        time: invoice.finalizedAt,
        data: {
          ...about,
          currency: invoice.currency,
          amountDue: invoice.amountDue,
          tax: invoice.tax,
          ...period,
          dueDate: invoice.dueDate?.toISOString() ?? null,
          finalizedAt: invoice.finalizedAt.toISOString(),
        },
      });
    }
    if (facts.paid && invoice.paidAt) {
      await this.outbox.add(tx, InvoicePaid, {
        tenantId,
        subject: subscription.id,
        time: invoice.paidAt,
        data: {
          ...about,
          providerChargeId: invoice.providerChargeId,
          providerBalanceTransactionId: invoice.providerBalanceTransactionId,
          currency: invoice.currency,
          amountPaid: invoice.amountPaid,
          tax: invoice.tax,
          providerFee: invoice.providerFee,
          ...period,
          paidAt: invoice.paidAt.toISOString(),
          // Only on invoices a payment paid: the provider's invoices read as before.
          ...(invoice.paymentId ? { paymentId: invoice.paymentId } : {}),
        },
      });
    }
    const writtenOffAt = facts.writtenOff === 'void' ? invoice.voidedAt : invoice.markedUncollectibleAt;
    if (facts.writtenOff && writtenOffAt) {
      await this.outbox.add(tx, InvoiceVoided, {
        tenantId,
        subject: subscription.id,
        time: writtenOffAt,
        data: {
          ...about,
          currency: invoice.currency,
          amount: amountWrittenOff(invoice).toString(),
          tax: invoice.tax,
          reason: facts.writtenOff,
          ...period,
          voidedAt: writtenOffAt.toISOString(),
        },
      });
    }
  }
}
