import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { BillingSettingsRepository } from '../billing-settings/billing-settings.repository';
import { Invoice } from '../invoices/invoice.entity';
import { FetchedInvoice, InvoicesService } from '../invoices/invoices.service';
import { ProviderAccount } from '../payments/provider-account';
import { ProviderBilling } from '../payments/provider-billing';
import { ReaderSubscription } from '../reader-subscriptions/reader-subscription.entity';
import { ReaderSubscriptionRepository } from '../reader-subscriptions/reader-subscription.repository';
import { StripeAccountsService } from '../stripe-accounts/stripe-accounts.service';
import { DunningCase } from './dunning-case.entity';
import { DunningCaseChange, DunningCaseRepository } from './dunning-case.repository';
import { nextRetryAt } from './next-retry-at';

/** What a new agency's policy says, for an agency whose settings are missing. */
const DEFAULT_RETRY_DAYS = [1, 3, 5];
/** Subscriptions whose failed renewal is worth chasing. */
const CHASED = new Set(['active', 'past_due', 'unpaid']);
/** Subscriptions ended elsewhere: their case closes, nothing more is charged. */
const ENDED = new Set(['canceled', 'paused']);

/**
 * The agency's dunning policy at work. The first failed renewal of an invoice opens a case; the
 * suite retries the payment itself on the policy's retry days (the scheduler calls `retry`);
 * a payment from any source recovers the case; after the last failed retry the policy's final
 * action (cancel or pause) is applied. Other failures (the provider's own retries) change
 * nothing. Until the end the reader keeps access for the grace days (see the entitlement rules).
 */
@Injectable()
export class DunningService {
  private readonly logger = new Logger(DunningService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly provider: ProviderBilling,
    private readonly invoices: InvoicesService,
    private readonly cases: DunningCaseRepository,
    private readonly settings: BillingSettingsRepository,
    private readonly accounts: StripeAccountsService,
    private readonly subscriptions: ReaderSubscriptionRepository,
  ) {}

  /** A payment of a subscription invoice failed, as the provider reported it. */
  async onPaymentFailed(
    tx: EntityManager,
    account: ProviderAccount,
    failure: { firstInvoice: boolean; occurredAt: string },
    failed: FetchedInvoice,
  ): Promise<void> {
    const invoice = await this.invoices.write(tx, account, failed);
    // A first invoice that fails leaves the subscription incomplete: the provider ends it, nobody chases it.
    if (!invoice || invoice.status !== 'open' || failure.firstInvoice) return;
    const subscription = await this.subscriptions.findOneOfTenant(account.tenantId, invoice.subscriptionId, tx);
    if (!subscription || !CHASED.has(subscription.status)) return;
    const retryDays = (await this.settings.findOfTenant(account.tenantId))?.dunningRetryDays ?? DEFAULT_RETRY_DAYS;
    const openedAt = new Date(failure.occurredAt);
    const opened = await this.cases.openOnce(tx, {
      id: randomUUID(),
      tenantId: account.tenantId,
      invoiceId: invoice.id,
      providerInvoiceId: invoice.providerInvoiceId,
      subscriptionId: subscription.id,
      readerKey: subscription.readerKey,
      status: 'open',
      currency: invoice.currency,
      amountDue: invoice.amountDue,
      openedAt,
      retryDays,
      attemptsMade: 0,
      // With no retry days the final action is due at once.
      nextRetryAt: nextRetryAt(openedAt, retryDays, 0, null) ?? openedAt,
      lastFailure: null,
      closedAt: null,
      closedReason: null,
      finalAction: null,
      claims: 0,
      claimedUntil: null,
      billedBy: 'provider',
      latePaymentId: null,
    });
    if (opened)
      this.logger.log(
        `subscription ${subscription.id}: renewal invoice ${invoice.providerInvoiceId} failed; retries on days ${retryDays.join(', ') || 'none'}`,
      );
  }

  /** The invoice as now recorded: once paid its case is recovered, once void or uncollectible it is closed. */
  async onInvoiceRecorded(tx: EntityManager, invoice: Invoice, at: Date): Promise<void> {
    if (invoice.status === 'open') return;
    const end: Pick<DunningCase, 'status' | 'closedAt' | 'closedReason'> =
      invoice.status === 'paid'
        ? { status: 'recovered', closedAt: at, closedReason: 'invoice paid' }
        : { status: 'closed', closedAt: at, closedReason: `invoice ${invoice.status}` };
    await this.cases.endOpenOfInvoice(tx, invoice.tenantId, invoice.providerInvoiceId, end);
  }

  /** A subscription cancelled or paused elsewhere is chased no more. */
  async onSubscriptionSynced(tx: EntityManager, subscription: ReaderSubscription, at: Date): Promise<void> {
    if (!ENDED.has(subscription.status)) return;
    await this.cases.endOpenOfSubscription(tx, subscription.tenantId, subscription.id, {
      status: 'closed',
      closedAt: at,
      closedReason: `subscription ${subscription.status}`,
    });
  }

  /**
   * Makes the step due of a case the scheduler claimed, at `now`: one payment retry (idempotency
   * key `dunning:<invoice>:<attempt>`), then recovered, the next retry scheduled, or, after the
   * last, the final action applied and the case exhausted. The provider is called outside any
   * transaction; the outcome is recorded in a short one, if the claim still holds.
   */
  async retry(due: DunningCase, now: Date): Promise<void> {
    const subscription = await this.subscriptions.findOneOfTenant(due.tenantId, due.subscriptionId);
    if (!subscription || ENDED.has(subscription.status))
      return this.record(due, {
        status: 'closed',
        nextRetryAt: null,
        closedAt: now,
        closedReason: `subscription ${subscription?.status ?? 'gone'}`,
      });
    const account = await this.accounts.providerAccountOf(due.tenantId);
    if (due.attemptsMade >= due.retryDays.length) return this.exhaust(account, due, subscription, now, {});
    const attempt = due.attemptsMade + 1;
    const result = await this.provider.retryInvoicePayment(
      account,
      `dunning:${due.providerInvoiceId}:${attempt}`,
      due.providerInvoiceId,
    );
    switch (result.outcome) {
      case 'paid':
        this.logger.log(`dunning case ${due.id}: retry ${attempt} paid invoice ${due.providerInvoiceId}`);
        return this.record(due, {
          status: 'recovered',
          attemptsMade: attempt,
          nextRetryAt: null,
          closedAt: now,
          closedReason: 'invoice paid',
        });
      case 'not-open':
        // Paid or ended before its notification reached us.
        return this.record(due, {
          status: result.status === 'paid' ? 'recovered' : 'closed',
          nextRetryAt: null,
          closedAt: now,
          closedReason: `invoice ${result.status}`,
        });
      case 'declined': {
        this.logger.log(
          `dunning case ${due.id}: retry ${attempt} of ${due.retryDays.length} declined (${result.reason})`,
        );
        const next = nextRetryAt(due.openedAt, due.retryDays, attempt, now);
        if (!next)
          return this.exhaust(account, due, subscription, now, {
            attemptsMade: attempt,
            lastFailure: result.reason,
          });
        return this.record(due, { attemptsMade: attempt, lastFailure: result.reason, nextRetryAt: next });
      }
      default: {
        const unknown: never = result;
        throw new Error(`unhandled payment attempt ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** Records a retry's outcome in one short transaction, unless another instance took the case over meanwhile. */
  private async record(due: DunningCase, change: DunningCaseChange): Promise<void> {
    const kept = await this.dataSource.transaction(async (tx) => {
      if (!(await this.cases.holdsClaim(tx, due))) return false;
      await this.cases.update(tx, due, change);
      return true;
    });
    if (!kept)
      this.logger.warn(`dunning case ${due.id} was taken over by another instance; its outcome is not recorded`);
  }

  /** The last retry failed: cancel or pause, as the agency's policy says now. */
  private async exhaust(
    account: ProviderAccount,
    due: DunningCase,
    subscription: ReaderSubscription,
    now: Date,
    change: Partial<Pick<DunningCase, 'attemptsMade' | 'lastFailure'>>,
  ): Promise<void> {
    const action = (await this.settings.findOfTenant(due.tenantId))?.afterFinalFailure ?? 'cancel';
    this.logger.log(`dunning case ${due.id}: retries exhausted; ${action} subscription ${subscription.id}`);
    // The provider's notifications bring the subscription's new status.
    await this.provider.endAfterFailedPayments(
      account,
      `dunning:${due.providerInvoiceId}:${action}`,
      subscription.providerSubscriptionId,
      action,
    );
    await this.record(due, {
      ...change,
      status: 'exhausted',
      nextRetryAt: null,
      closedAt: now,
      closedReason: 'retries exhausted',
      finalAction: action,
    });
  }
}
