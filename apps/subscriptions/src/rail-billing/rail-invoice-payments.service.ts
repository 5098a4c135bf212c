import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventOutbox } from '@libs/common';
import { EventEnvelope, PaymentSucceededEvent, SubscriptionChanged } from '@libs/contracts';
import { CatalogRepository } from '../catalog/catalog.repository';
import { EntitlementsService } from '../entitlements/entitlements.service';
import { InvoiceRepository } from '../invoices/invoice.repository';
import { InvoicesService } from '../invoices/invoices.service';
import { ReaderSubscriptionRepository } from '../reader-subscriptions/reader-subscription.repository';
import { addCalendarMonths } from '../gifts/calendar-months';
import { periodMonthsOf } from './first-period-bill';
import { settleInvoiceByPayment } from './invoice-payment-settlement';
import { suiteInvoiceKey } from './suite-invoice-key';
import { suiteSubscriptionChanged } from './suite-subscription-changed';

/**
 * A payment on a rail paid an invoice the suite bills: the invoice becomes paid, its subscription
 * active for the invoice's period (so the reader is entitled, as a provider's active subscription
 * entitles), and finance hears it paid, with the payment that booked its cash.
 */
@Injectable()
export class RailInvoicePaymentsService {
  private readonly logger = new Logger(RailInvoicePaymentsService.name);

  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly invoiceFacts: InvoicesService,
    private readonly subscriptions: ReaderSubscriptionRepository,
    private readonly catalog: CatalogRepository,
    private readonly entitlements: EntitlementsService,
    private readonly outbox: EventOutbox,
  ) {}

  async applyPayment(tx: EntityManager, event: EventEnvelope<PaymentSucceededEvent>): Promise<void> {
    const { tenantId } = event;
    const { paymentId, purpose } = event.data;
    const key = suiteInvoiceKey(purpose.reference);
    await this.invoices.lock(tx, tenantId, key);
    const invoice = await this.invoices.findByProviderId(tx, tenantId, key);
    const subscription = invoice && (await this.subscriptions.findOneOfTenant(tenantId, invoice.subscriptionId, tx));
    const settlement = settleInvoiceByPayment(
      invoice &&
        subscription && {
          status: invoice.status,
          currency: invoice.currency,
          amountDue: BigInt(invoice.amountDue),
          paymentId: invoice.paymentId,
          billedBy: subscription.billedBy,
        },
      { paymentId, currency: event.data.currency, amount: BigInt(event.data.amount) },
    );
    if (settlement.kind === 'ignore')
      return this.logger.warn(
        `payment ${paymentId} for invoice ${purpose.reference} changes nothing: ${settlement.reason}`,
      );
    if (settlement.kind === 'already-paid' || !invoice || !subscription) return;

    await this.subscriptions.lock(tx, tenantId, subscription.providerSubscriptionId);
    const plan = await this.catalog.findPlanOfTenantOrFail(tx, tenantId, subscription.planId);
    // The period runs from when the money arrived: a reader who pays late loses none of it.
    const paidAt = new Date(event.data.succeededAt);
    const periodEnd = addCalendarMonths(paidAt, periodMonthsOf(plan));
    const paid = await this.invoices.save(tx, {
      ...invoice,
      status: 'paid',
      amountPaid: event.data.amount,
      periodStart: paidAt,
      periodEnd,
      finalizedAt: paidAt,
      paidAt,
      paymentId,
    });
    const previousStatus = subscription.status;
    const active = await this.subscriptions.saveBilledBySuite(tx, {
      ...subscription,
      status: 'active',
      currentPeriodStart: paidAt,
      currentPeriodEnd: periodEnd,
    });
    await this.invoiceFacts.publish(tx, active, paid, { finalized: true, paid: true, writtenOff: null });
    const price = await this.catalog.findPriceOfTenant(tx, tenantId, active.priceId);
    await this.outbox.add(tx, SubscriptionChanged, {
      tenantId,
      subject: active.id,
      data: suiteSubscriptionChanged(active, price!, plan, previousStatus),
    });
    await this.entitlements.refresh(tx, tenantId, active.readerKey);
  }
}
