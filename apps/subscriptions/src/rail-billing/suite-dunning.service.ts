import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { EventOutbox } from '@libs/common';
import { RenewalPaymentRequested } from '@libs/contracts';
import { BillingSettingsRepository } from '../billing-settings/billing-settings.repository';
import { DunningCase } from '../dunning/dunning-case.entity';
import { DunningCaseRepository } from '../dunning/dunning-case.repository';
import { Invoice } from '../invoices/invoice.entity';
import { InvoiceRepository } from '../invoices/invoice.repository';
import { InvoicesService } from '../invoices/invoices.service';
import { ReaderSubscription } from '../reader-subscriptions/reader-subscription.entity';
import { ReaderSubscriptionRepository } from '../reader-subscriptions/reader-subscription.repository';
import { withPendingChangeDue } from './pending-plan-change';
import { renewalPaymentRequested } from './renewal-payment-requested';
import { suiteDunningStepAt } from './suite-billing-step';
import { SuiteSubscriptionChangesService } from './suite-subscription-changes.service';
import { DEFAULT_DUNNING_POLICY } from '../billing-settings/default-billing-settings';

const BATCH = 50;
/** What a new agency's policy says, for an agency whose settings are missing. */
const DEFAULT_POLICY = DEFAULT_DUNNING_POLICY;

/**
 * Dunning of the renewals the suite bills, with the agency's policy and the Stripe path's cases:
 * a period that ends unpaid makes the subscription past due for the invoice's period (the reader
 * keeps access for the grace days from the case's opening, as the entitlement rules give a
 * suite-billed past-due subscription) and
 * opens a case; on the policy's retry days the pay link is sent again (reminders, not charges: a
 * rail has no card on file); a payment recovers the case; at the end of grace the invoice is
 * voided, the subscription cancelled or paused (the agency's `afterFinalFailure`) and the case
 * exhausted. An upgrade's invoice (a plan change's proration) that fails (its saved wallet
 * declined, or still unpaid on its due date) is chased the same way, from when it failed.
 */
@Injectable()
export class SuiteDunningService {
  private readonly logger = new Logger(SuiteDunningService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: DunningCaseRepository,
    private readonly invoices: InvoiceRepository,
    private readonly invoiceFacts: InvoicesService,
    private readonly subscriptions: ReaderSubscriptionRepository,
    private readonly settings: BillingSettingsRepository,
    private readonly changes: SuiteSubscriptionChangesService,
    private readonly outbox: EventOutbox,
  ) {}

  /** The period ended with its renewal unpaid: past due for the renewal's period, and a case opens. */
  async fallPastDue(tx: EntityManager, subscription: ReaderSubscription, now: Date): Promise<void> {
    const renewal = await this.invoices.findSuiteInvoiceOfPeriod(
      tx,
      subscription.tenantId,
      subscription.id,
      subscription.currentPeriodEnd,
    );
    if (!renewal) throw new Error(`subscription ${subscription.id}: no renewal to chase`);
    const policy = (await this.settings.findOfTenant(subscription.tenantId, tx)) ?? DEFAULT_POLICY;
    const openedAt = renewal.periodStart;
    const step = suiteDunningStepAt(
      { openedAt, retryDays: policy.dunningRetryDays, attemptsMade: 0 },
      policy.graceDays,
      now,
    );
    await this.cases.openOnce(tx, {
      id: randomUUID(),
      tenantId: subscription.tenantId,
      invoiceId: renewal.id,
      providerInvoiceId: renewal.providerInvoiceId,
      subscriptionId: subscription.id,
      readerKey: subscription.readerKey,
      status: 'open',
      currency: renewal.currency,
      amountDue: renewal.amountDue,
      openedAt,
      retryDays: policy.dunningRetryDays,
      attemptsMade: 0,
      // A case opened late (the schedule was down) makes its due step at once.
      nextRetryAt: step.kind === 'wait' ? step.next : now,
      lastFailure: 'period ended unpaid',
      closedAt: null,
      closedReason: null,
      finalAction: null,
      claims: 0,
      claimedUntil: null,
      billedBy: 'suite',
      latePaymentId: null,
    });
    // The unpaid period is the new plan's when a change was pending for it.
    await this.changes.record(
      tx,
      withPendingChangeDue({
        ...subscription,
        status: 'past_due',
        currentPeriodStart: renewal.periodStart,
        currentPeriodEnd: renewal.periodEnd,
      }),
      subscription.status,
      now,
    );
    this.logger.log(`subscription ${subscription.id}: renewal ${renewal.id} unpaid at period end; past due`);
  }

  /**
   * An upgrade's invoice failed at `failedAt` (its saved wallet declined, or it was still unpaid on
   * its due date): the subscription falls past due (keeping its period and the new plan) and a case
   * opens for the invoice, with grace and reminders counted from `failedAt`. Nothing happens to an
   * invoice no longer open or a subscription that ended meanwhile.
   */
  async failUpgrade(tx: EntityManager, invoice: Invoice, failedAt: Date, reason: string, now: Date): Promise<void> {
    const { tenantId } = invoice;
    const subscription = await this.subscriptions.lockOfTenant(tx, tenantId, invoice.subscriptionId);
    const current = await this.invoices.findByProviderId(tx, tenantId, invoice.providerInvoiceId);
    if (!subscription || !current?.proration || current.status !== 'open') return;
    if (!['active', 'trialing', 'past_due'].includes(subscription.status)) return;
    const policy = (await this.settings.findOfTenant(tenantId, tx)) ?? DEFAULT_POLICY;
    const step = suiteDunningStepAt(
      { openedAt: failedAt, retryDays: policy.dunningRetryDays, attemptsMade: 0 },
      policy.graceDays,
      now,
    );
    const opened = await this.cases.openOnce(tx, {
      id: randomUUID(),
      tenantId,
      invoiceId: current.id,
      providerInvoiceId: current.providerInvoiceId,
      subscriptionId: subscription.id,
      readerKey: subscription.readerKey,
      status: 'open',
      currency: current.currency,
      amountDue: current.amountDue,
      openedAt: failedAt,
      retryDays: policy.dunningRetryDays,
      attemptsMade: 0,
      nextRetryAt: step.kind === 'wait' ? step.next : now,
      lastFailure: reason,
      closedAt: null,
      closedReason: null,
      finalAction: null,
      claims: 0,
      claimedUntil: null,
      billedBy: 'suite',
      latePaymentId: null,
    });
    if (!opened) return;
    if (subscription.status !== 'past_due')
      await this.changes.record(tx, { ...subscription, status: 'past_due' }, subscription.status, now);
    this.logger.log(`subscription ${subscription.id}: upgrade ${current.id} failed (${reason}); past due`);
  }

  /** Opens the case of every upgrade invoice still unpaid on its due date (every agency); answers how many. */
  async failUpgradesUnpaidWhenDue(now: Date): Promise<number> {
    let failed = 0;
    for (;;) {
      const batch = await this.dataSource.transaction(async (tx) => {
        const due = await this.invoices.lockSuiteProrationsUnpaidWhenDue(tx, now, BATCH);
        for (const invoice of due) await this.failUpgrade(tx, invoice, invoice.dueDate ?? now, 'unpaid when due', now);
        return due.length;
      });
      failed += batch;
      if (batch < BATCH) return failed;
    }
  }

  /** Whether the subscription is still chased for an invoice other than `invoice` (after `invoice` is paid). */
  chasedForAnother(tx: EntityManager, subscription: ReaderSubscription, invoice: Invoice): Promise<boolean> {
    return this.cases.hasOtherOpenOfSubscription(tx, subscription.tenantId, subscription.id, invoice.providerInvoiceId);
  }

  /** Makes every reminder and lapse due at `now` (every agency); answers how many cases moved. */
  async chaseDue(now: Date): Promise<number> {
    let moved = 0;
    for (;;) {
      const batch = await this.dataSource.transaction(async (tx) => {
        const due = await this.cases.lockDueOfSuite(tx, now, BATCH);
        for (const dunningCase of due) await this.chase(tx, dunningCase, now);
        return due.length;
      });
      moved += batch;
      if (batch < BATCH) return moved;
    }
  }

  /** A payment paid the case's invoice: recovered. */
  async recover(tx: EntityManager, invoice: Invoice, at: Date): Promise<void> {
    await this.cases.endOpenOfInvoice(tx, invoice.tenantId, invoice.providerInvoiceId, {
      status: 'recovered',
      closedAt: at,
      closedReason: 'invoice paid',
    });
  }

  /**
   * Money arrived for an invoice ended unpaid (voided by its lapse or a cancellation): it is not
   * applied (the subscription stays ended, finance has reversed the billing) but kept on the
   * invoice's case for staff to refund; finance holds the cash against the receivable meanwhile.
   */
  async recordLatePayment(
    tx: EntityManager,
    invoice: Invoice,
    subscription: ReaderSubscription,
    paymentId: string,
    at: Date,
  ): Promise<void> {
    await this.cases.recordLatePayment(tx, {
      id: randomUUID(),
      tenantId: invoice.tenantId,
      invoiceId: invoice.id,
      providerInvoiceId: invoice.providerInvoiceId,
      subscriptionId: subscription.id,
      readerKey: subscription.readerKey,
      status: 'closed',
      currency: invoice.currency,
      amountDue: invoice.amountDue,
      openedAt: at,
      retryDays: [],
      attemptsMade: 0,
      nextRetryAt: null,
      lastFailure: null,
      closedAt: at,
      closedReason: `invoice ${invoice.status}`,
      finalAction: null,
      claims: 0,
      claimedUntil: null,
      billedBy: 'suite',
      latePaymentId: paymentId,
    });
  }

  private async chase(tx: EntityManager, dunningCase: DunningCase, now: Date): Promise<void> {
    const { tenantId } = dunningCase;
    const policy = (await this.settings.findOfTenant(tenantId, tx)) ?? DEFAULT_POLICY;
    const step = suiteDunningStepAt(dunningCase, policy.graceDays, now);
    const invoice = await this.invoices.findByProviderId(tx, tenantId, dunningCase.providerInvoiceId);
    const subscription = await this.subscriptions.findOneOfTenant(tenantId, dunningCase.subscriptionId, tx);
    if (!invoice || !subscription || invoice.status !== 'open' || subscription.status !== 'past_due')
      return this.cases.updateOfSuite(tx, dunningCase, {
        status: invoice?.status === 'paid' ? 'recovered' : 'closed',
        nextRetryAt: null,
        closedAt: now,
        closedReason: invoice?.status === 'paid' ? 'invoice paid' : `subscription ${subscription?.status ?? 'gone'}`,
      });
    switch (step.kind) {
      case 'wait':
        return this.cases.updateOfSuite(tx, dunningCase, { nextRetryAt: step.next });
      case 'remind':
        // Without a pay link yet, the first request (when payments answers) is the reminder.
        if (invoice.payPageUrl)
          await this.outbox.add(tx, RenewalPaymentRequested, {
            tenantId,
            subject: subscription.id,
            data: renewalPaymentRequested(subscription, invoice, invoice.payPageUrl, step.reminder),
          });
        return this.cases.updateOfSuite(tx, dunningCase, { attemptsMade: step.reminder, nextRetryAt: step.next });
      case 'lapse':
        return this.lapse(tx, dunningCase, invoice, subscription, now);
      default: {
        const unknown: never = step;
        throw new Error(`unhandled dunning step ${JSON.stringify(unknown)}`);
      }
    }
  }

  /**
   * Grace is over unpaid: the invoice is voided (finance reverses its billing), the subscription
   * is cancelled or paused as the agency's policy says now (either way its entitlements end), and
   * any other case of it closes on its next look (the subscription is no longer past due).
   */
  private async lapse(
    tx: EntityManager,
    dunningCase: DunningCase,
    invoice: Invoice,
    subscription: ReaderSubscription,
    now: Date,
  ): Promise<void> {
    const action = (await this.settings.findOfTenant(subscription.tenantId, tx))?.afterFinalFailure ?? 'cancel';
    const voided = await this.invoices.save(tx, { ...invoice, status: 'void', voidedAt: now });
    await this.invoiceFacts.publish(tx, subscription, voided, { finalized: false, paid: false, writtenOff: 'void' });
    const status = action === 'pause' ? 'paused' : 'canceled';
    // Credit the voided renewal took is the reader's again, kept on the ended subscription.
    const creditBalance = (BigInt(subscription.creditBalance) + BigInt(invoice.creditApplied)).toString();
    const ended = await this.changes.record(tx, { ...subscription, status, creditBalance }, subscription.status, now);
    await this.changes.auditCreditKept(tx, ended, 'grace ended unpaid');
    await this.cases.updateOfSuite(tx, dunningCase, {
      status: 'exhausted',
      nextRetryAt: null,
      closedAt: now,
      closedReason: 'grace ended unpaid',
      finalAction: action,
    });
    this.logger.log(`subscription ${subscription.id}: grace ended unpaid; invoice ${invoice.id} voided, ${status}`);
  }
}
