import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, NotFoundError } from '@libs/common';
import { DunningCaseRepository } from '../dunning/dunning-case.repository';
import { InvoiceRepository } from '../invoices/invoice.repository';
import { InvoicesService } from '../invoices/invoices.service';
import { refuseUnlessResumable } from '../reader-subscriptions/plan-change.service';
import { ReaderSubscription } from '../reader-subscriptions/reader-subscription.entity';
import { ReaderSubscriptionRepository } from '../reader-subscriptions/reader-subscription.repository';
import { SuiteSubscriptionChangesService } from './suite-subscription-changes.service';

/**
 * A subscription the suite bills is cancelled at its period's end (no renewal is billed; one
 * already billed is voided, so finance reverses it; access until the period ends, then the engine
 * ends it) or now (access ends now; its open invoices are voided and its dunning case closed). A
 * past-due subscription has no paid period left to run: cancelled at period end, it ends now.
 * Nothing is refunded: a refund of the unused part would be asked of payments (RefundPayment of the
 * period's payment, pro rata) and booked by finance from its PaymentRefunded, as a separate act.
 * Credit the reader holds from plan changes down (with what a voided renewal had taken of it) stays
 * on the ended subscription, shown and audited, for staff to refund the same way if the agency wants.
 */
@Injectable()
export class SuiteCancellationsService {
  private readonly logger = new Logger(SuiteCancellationsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly subscriptions: ReaderSubscriptionRepository,
    private readonly invoices: InvoiceRepository,
    private readonly invoiceFacts: InvoicesService,
    private readonly cases: DunningCaseRepository,
    private readonly changes: SuiteSubscriptionChangesService,
    private readonly audit: AuditTrail,
  ) {}

  async cancel(tenantId: string, subscriptionId: string, atPeriodEnd: boolean): Promise<ReaderSubscription> {
    const now = new Date();
    return this.dataSource.transaction(async (tx) => {
      const subscription = await this.subscriptions.lockOfTenant(tx, tenantId, subscriptionId);
      if (!subscription) throw new NotFoundError('subscription', subscriptionId);
      if (subscription.status === 'canceled') return subscription;
      // Credit a voided renewal took is the reader's again.
      const returned = await this.voidOpenInvoices(tx, subscription, now);
      const creditBalance = (BigInt(subscription.creditBalance) + returned).toString();
      // A trial cancelled at its end ends then, unbilled; a past-due subscription has no paid period left.
      const atEnd = atPeriodEnd && (subscription.status === 'active' || subscription.status === 'trialing');
      const cancelled = await this.changes.record(
        tx,
        atEnd
          ? { ...subscription, creditBalance, cancelAtPeriodEnd: true }
          : { ...subscription, creditBalance, status: 'canceled' },
        subscription.status,
        now,
      );
      if (!atEnd)
        await this.cases.endOpenOfSubscription(tx, tenantId, subscription.id, {
          status: 'closed',
          closedAt: now,
          closedReason: 'subscription canceled',
        });
      await this.audit.record(tx, {
        tenantId,
        action: atEnd ? 'subscription.cancelled-at-period-end' : 'subscription.cancelled',
        targetType: 'subscription',
        targetId: subscription.id,
        before: {
          status: subscription.status,
          cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
          creditBalance: subscription.creditBalance,
        },
        after: {
          status: cancelled.status,
          cancelAtPeriodEnd: cancelled.cancelAtPeriodEnd,
          creditBalance: cancelled.creditBalance,
        },
      });
      if (!atEnd) await this.changes.auditCreditKept(tx, cancelled, 'cancelled');
      this.logger.log(`subscription ${subscription.id} cancelled ${atEnd ? 'at period end' : 'now'}`);
      return cancelled;
    });
  }

  /**
   * Undoes a cancellation at period end: the subscription renews again (the engine bills its renewal
   * when due, at once when the notice has begun; credit held is taken off it); 409 when the
   * subscription is not set to cancel or has ended.
   */
  async resume(tenantId: string, subscriptionId: string): Promise<ReaderSubscription> {
    const now = new Date();
    return this.dataSource.transaction(async (tx) => {
      const subscription = await this.subscriptions.lockOfTenant(tx, tenantId, subscriptionId);
      if (!subscription) throw new NotFoundError('subscription', subscriptionId);
      refuseUnlessResumable(subscription);
      const resumed = await this.changes.record(
        tx,
        { ...subscription, cancelAtPeriodEnd: false },
        subscription.status,
        now,
      );
      await this.audit.record(tx, {
        tenantId,
        action: 'subscription.resumed',
        targetType: 'subscription',
        targetId: subscription.id,
        before: { status: subscription.status, cancelAtPeriodEnd: true },
        after: { status: resumed.status, cancelAtPeriodEnd: false },
      });
      this.logger.log(`subscription ${subscription.id}: cancellation at period end undone`);
      return resumed;
    });
  }

  /**
   * Voids what is still open: a renewal (billed when issued: finance hears it voided) and an unpaid
   * first period (never billed: nothing to reverse). A payment arriving for either later is held.
   * Answers the credit the voided invoices had taken (given back to the subscription).
   */
  private async voidOpenInvoices(tx: EntityManager, subscription: ReaderSubscription, now: Date): Promise<bigint> {
    let returned = 0n;
    for (const invoice of await this.invoices.findOpenSuiteInvoicesOfSubscription(
      tx,
      subscription.tenantId,
      subscription.id,
    )) {
      const voided = await this.invoices.save(tx, { ...invoice, status: 'void', voidedAt: now });
      await this.invoiceFacts.publish(tx, subscription, voided, {
        finalized: false,
        paid: false,
        writtenOff: voided.finalizedAt ? 'void' : null,
      });
      returned += BigInt(invoice.creditApplied);
    }
    return returned;
  }
}
