import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, PaymentSucceededEvent } from '@libs/contracts';
import { CatalogRepository } from '../catalog/catalog.repository';
import { InvoiceRepository } from '../invoices/invoice.repository';
import { InvoicesService } from '../invoices/invoices.service';
import { ReaderSubscriptionRepository } from '../reader-subscriptions/reader-subscription.repository';
import { addCalendarMonths } from '../gifts/calendar-months';
import { periodMonthsOf } from './first-period-bill';
import { withPendingChangeDue } from './pending-plan-change';
import { settleInvoiceByPayment } from './invoice-payment-settlement';
import { SuiteDunningService } from './suite-dunning.service';
import { suiteInvoiceKey } from './suite-invoice-key';
import { SuiteSubscriptionChangesService } from './suite-subscription-changes.service';
import { UnappliedPaymentsService } from '../unapplied-payments/unapplied-payments.service';

/**
 * A payment on a rail paid an invoice the suite bills: the invoice becomes paid, its subscription
 * active (so the reader is entitled, as a provider's active subscription entitles), and finance
 * hears it paid, with the payment that booked its cash. A first period runs from the payment; a
 * renewal for the period it billed (from the end of the last), also when paid during grace, which
 * recovers its dunning case, and makes a plan change pending for that period. A plan change's
 * proration moves no period: its invoice is paid and nothing else changes (the change was made when
 * billed); paid during its dunning (the upgrade failed), it recovers the case and makes the
 * subscription active again. Money for an invoice ended unpaid is held for a refund, and said so;
 * any payment not applied is told to finance as left unapplied (the payer's money, to be refunded).
 */
@Injectable()
export class RailInvoicePaymentsService {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly invoiceFacts: InvoicesService,
    private readonly subscriptions: ReaderSubscriptionRepository,
    private readonly catalog: CatalogRepository,
    private readonly dunning: SuiteDunningService,
    private readonly changes: SuiteSubscriptionChangesService,
    private readonly unapplied: UnappliedPaymentsService,
  ) {}

  async applyPayment(tx: EntityManager, event: EventEnvelope<PaymentSucceededEvent>): Promise<void> {
    const { tenantId } = event;
    const { paymentId, purpose } = event.data;
    const key = suiteInvoiceKey(purpose.reference);
    await this.invoices.lock(tx, tenantId, key);
    const seen = await this.invoices.findByProviderId(tx, tenantId, key);
    const found = seen && (await this.subscriptions.findOneOfTenant(tenantId, seen.subscriptionId, tx));
    if (found) await this.subscriptions.lock(tx, tenantId, found.providerSubscriptionId);
    // The renewal engine and cancellations change the invoice while holding the subscription's row: read both after it.
    const subscription = found && (await this.subscriptions.lockOfTenant(tx, tenantId, found.id));
    const invoice = subscription && (await this.invoices.findByProviderId(tx, tenantId, key));
    const settlement = settleInvoiceByPayment(
      invoice &&
        subscription && {
          status: invoice.status,
          currency: invoice.currency,
          amountDue: BigInt(invoice.amountDue),
          paymentId: invoice.paymentId,
          billedBy: subscription.billedBy,
          // Open renewals are billed when issued; an open first period only once paid.
          renewal: invoice.finalizedAt !== null,
        },
      { paymentId, currency: event.data.currency, amount: BigInt(event.data.amount) },
    );
    const paidAt = new Date(event.data.succeededAt);
    switch (settlement.kind) {
      case 'ignore':
        return this.unapplied.leave(tx, event, { reason: settlement.reason, invoiceId: seen?.id ?? null });
      case 'already-paid':
        return;
      case 'hold':
        await this.unapplied.leave(tx, event, { reason: settlement.reason, invoiceId: invoice!.id });
        return this.dunning.recordLatePayment(tx, invoice!, subscription!, paymentId, paidAt);
      case 'pay':
        break;
      default: {
        const unknown: never = settlement;
        throw new Error(`unhandled settlement ${JSON.stringify(unknown)}`);
      }
    }
    if (!invoice || !subscription) return;
    if (invoice.proration) {
      const paidChange = await this.invoices.save(tx, {
        ...invoice,
        status: 'paid',
        amountPaid: event.data.amount,
        paidAt,
        paymentId,
      });
      await this.invoiceFacts.publish(tx, subscription, paidChange, {
        finalized: false,
        paid: true,
        writtenOff: null,
      });
      // Paid during its dunning: the case recovers and, unless a renewal is chased too, the subscription is active again.
      if (subscription.status !== 'past_due') return;
      await this.dunning.recover(tx, paidChange, paidAt);
      if (!(await this.dunning.chasedForAnother(tx, subscription, paidChange)))
        await this.changes.record(tx, { ...subscription, status: 'active' }, subscription.status);
      return;
    }

    let { periodStart, periodEnd } = invoice;
    if (settlement.period === 'from-payment') {
      // The period runs from when the money arrived: a reader who pays late loses none of it.
      const plan = await this.catalog.findPlanOfTenantOrFail(tx, tenantId, subscription.planId);
      [periodStart, periodEnd] = [paidAt, addCalendarMonths(paidAt, periodMonthsOf(plan))];
    }
    const paid = await this.invoices.save(tx, {
      ...invoice,
      status: 'paid',
      amountPaid: event.data.amount,
      periodStart,
      periodEnd,
      finalizedAt: invoice.finalizedAt ?? paidAt,
      paidAt,
      paymentId,
    });
    // An upgrade of the last period still chased keeps the subscription past due until it is paid too.
    const chased =
      settlement.period === 'as-invoiced' && (await this.dunning.chasedForAnother(tx, subscription, invoice));
    const active = await this.changes.record(
      tx,
      withPendingChangeDue({
        ...subscription,
        status: chased ? 'past_due' : 'active',
        currentPeriodStart: periodStart,
        currentPeriodEnd: periodEnd,
      }),
      subscription.status,
    );
    await this.invoiceFacts.publish(tx, active, paid, {
      finalized: settlement.period === 'from-payment',
      paid: true,
      writtenOff: null,
    });
    if (settlement.period === 'as-invoiced') await this.dunning.recover(tx, paid, paidAt);
  }
}
