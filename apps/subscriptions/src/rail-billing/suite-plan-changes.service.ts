import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, ConflictError, NotFoundError, ValidationFailedError } from '@libs/common';
import { PlanChangePreview, PlanChangeRequest, ReaderSubscriptionView } from '@libs/contracts';
import { BillingSettingsRepository } from '../billing-settings/billing-settings.repository';
import { DEFAULT_RENEWAL_NOTICE_DAYS } from '../billing-settings/default-billing-settings';
import { CatalogRepository } from '../catalog/catalog.repository';
import { Plan } from '../catalog/plan.entity';
import { Price } from '../catalog/price.entity';
import { addCalendarMonths } from '../gifts/calendar-months';
import { Invoice } from '../invoices/invoice.entity';
import { InvoiceRepository } from '../invoices/invoice.repository';
import { InvoicesService } from '../invoices/invoices.service';
import { ReaderSubscription } from '../reader-subscriptions/reader-subscription.entity';
import { toReaderSubscriptionView } from '../reader-subscriptions/reader-subscription.mapper';
import { ReaderSubscriptionRepository } from '../reader-subscriptions/reader-subscription.repository';
import { TaxRatesService } from '../tax-rates/tax-rates.service';
import { splitVat, VatRate } from '../tax-rates/vat-split';
import { periodMonthsOf } from './first-period-bill';
import { SUITE_PENDING_CHANGE } from './pending-plan-change';
import { suiteInvoiceKey } from './suite-invoice-key';
import { applyCredit, prorateSuitePlanChange, SuitePlanChangeProration } from './suite-plan-change-proration';
import { SuiteRenewalsService } from './suite-renewals.service';
import { SuiteSubscriptionChangesService } from './suite-subscription-changes.service';

const CHANGEABLE = ['trialing', 'active', 'past_due'];
const DAY_MS = 86_400_000;

interface ResolvedChange {
  to: Plan;
  /** The new plan's current price version. */
  target: Price;
  /** The price version the reader pays now. */
  current: Price;
  effective: PlanChangePreview['effective'];
  /**
   * The billing cycle restarts at the change (`now` to a plan of another interval, outside a
   * trial): the new plan's whole period is charged from the change, which starts it.
   */
  restartsCycle: boolean;
  /** The VAT rate in force for the new plan's product type at `at`. */
  rateAt(at: Date): Promise<VatRate | null>;
}

/**
 * Plan changes of subscriptions the suite bills, with the provider path's contracts and policy
 * (the plan being left decides). `now`: the subscription moves at once (plan, price,
 * entitlements), as Stripe's `always_invoice` does; the prorated difference
 * (prorateSuitePlanChange) is billed at once when positive (finalized, then asked of payments as a
 * renewal is: the saved wallet, else the pay link; a wallet's decline, or the link still unpaid
 * after the agency's renewal notice days, fails it and dunning chases it as an unpaid renewal) and kept as credit for the next renewals when
 * negative (no money is sent back; finance books nothing for it: the next renewal is billed less).
 * A plan of another interval restarts the billing cycle at the change (as Stripe does): the whole
 * new price is charged (less the same credit) for a new period starting then.
 * `period-end`: the change waits on the subscription (pending, shown in the view) and the renewal of
 * the next period bills the new price; the plan moves when that period starts. A renewal already
 * billed at the price a change replaces is voided (finance reverses it) and billed again. During a
 * trial nothing was paid: a change now bills and credits nothing.
 */
@Injectable()
export class SuitePlanChangesService {
  private readonly logger = new Logger(SuitePlanChangesService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: CatalogRepository,
    private readonly taxRates: TaxRatesService,
    private readonly subscriptions: ReaderSubscriptionRepository,
    private readonly invoices: InvoiceRepository,
    private readonly invoiceFacts: InvoicesService,
    private readonly changes: SuiteSubscriptionChangesService,
    private readonly renewals: SuiteRenewalsService,
    private readonly settings: BillingSettingsRepository,
    private readonly audit: AuditTrail,
  ) {}

  async preview(tenantId: string, request: PlanChangeRequest): Promise<PlanChangePreview> {
    const tx = this.dataSource.manager;
    const subscription = await this.subscriptionOf(tx, tenantId, request.subscriptionId);
    const change = await this.resolve(tx, subscription, request.planId);
    const prorationDate = request.prorationDate ?? unixNow();
    const held = await this.heldCredit(tx, subscription);
    const proration = change.effective === 'now' ? await this.prorate(subscription, change, prorationDate, held) : null;
    const nextAt =
      proration && change.restartsCycle ? periodFrom(proration.at, change).end : subscription.currentPeriodEnd;
    const nextRate = await change.rateAt(nextAt);
    const next = applyCredit(splitVat(BigInt(change.target.unitAmount), nextRate), proration?.creditBalance ?? held);
    return {
      effective: change.effective,
      currency: change.target.currency,
      amountDueNow: (proration?.amountDue ?? 0n).toString(),
      nextInvoiceAmount: next.amountDue.toString(),
      nextInvoiceAt: nextAt.toISOString(),
      prorationDate,
    };
  }

  async apply(tenantId: string, request: PlanChangeRequest, requestId: string): Promise<ReaderSubscriptionView> {
    const now = new Date();
    const prorationDate = request.prorationDate ?? unixNow();
    const { changed, invoice } = await this.dataSource.transaction(async (tx) => {
      const subscription = await this.lockedSubscriptionOf(tx, tenantId, request.subscriptionId);
      const change = await this.resolve(tx, subscription, request.planId);
      const held = await this.heldCredit(tx, subscription);
      const proration =
        change.effective === 'now' ? await this.prorate(subscription, change, prorationDate, held) : null;
      // A renewal billed at the price left is billed again at the new one (its credit comes back first).
      await this.voidOpenRenewal(tx, subscription, now);
      const changed = await this.changes.record(
        tx,
        proration
          ? {
              ...subscription,
              planId: change.to.id,
              priceId: change.target.id,
              creditBalance: proration.creditBalance.toString(),
              ...NOTHING_PENDING,
              ...(change.restartsCycle ? periodOf(periodFrom(proration.at, change)) : {}),
            }
          : {
              ...subscription,
              creditBalance: held.toString(),
              pendingPlanId: change.to.id,
              pendingPriceId: change.target.id,
              pendingEffectiveAt: subscription.currentPeriodEnd,
              pendingProviderScheduleId: SUITE_PENDING_CHANGE,
            },
        subscription.status,
        now,
      );
      const invoice =
        proration && proration.amountDue > 0n
          ? await this.billProration(tx, changed, change, proration, now, await this.noticeDays(tx, tenantId))
          : null;
      const view = toReaderSubscriptionView(changed);
      await this.audit.record(tx, {
        tenantId,
        action: proration ? 'subscription.plan-changed' : 'subscription.plan-change-scheduled',
        targetType: 'subscription',
        targetId: subscription.id,
        before: {
          planId: subscription.planId,
          priceId: subscription.priceId,
          creditBalance: subscription.creditBalance,
        },
        after: {
          planId: view.planId,
          priceId: view.priceId,
          pendingChange: view.pendingChange,
          creditBalance: view.creditBalance,
          ...(proration
            ? { prorationDate, amountDueNow: proration.amountDue.toString(), invoiceId: invoice?.id ?? null }
            : {}),
        },
      });
      return { changed: view, invoice };
    });
    // Asked of payments after the commit (the schedule asks again if this fails).
    if (invoice) await this.renewals.requestPayLinkOnce(invoice, now, requestId);
    return changed;
  }

  /** Drops the change waiting for the end of the period; 404 when none is pending. */
  async cancelPending(tenantId: string, subscriptionId: string): Promise<ReaderSubscriptionView> {
    const now = new Date();
    return this.dataSource.transaction(async (tx) => {
      const subscription = await this.lockedSubscriptionOf(tx, tenantId, subscriptionId);
      if (!subscription.pendingPlanId) throw new NotFoundError('pending plan change of subscription', subscriptionId);
      const held = await this.heldCredit(tx, subscription);
      await this.voidOpenRenewal(tx, subscription, now);
      const changed = await this.changes.record(
        tx,
        { ...subscription, creditBalance: held.toString(), ...NOTHING_PENDING },
        subscription.status,
        now,
      );
      await this.audit.record(tx, {
        tenantId,
        action: 'subscription.plan-change-cancelled',
        targetType: 'subscription',
        targetId: subscription.id,
        before: { pendingPlanId: subscription.pendingPlanId },
        after: { pendingChange: null },
      });
      return toReaderSubscriptionView(changed);
    });
  }

  private async resolve(tx: EntityManager, subscription: ReaderSubscription, planId: string): Promise<ResolvedChange> {
    const { tenantId } = subscription;
    if (!CHANGEABLE.includes(subscription.status))
      throw new ConflictError(`a ${subscription.status} subscription cannot change plan`);
    if (subscription.planId === planId) throw new ConflictError('the subscription is already on this plan');
    const [from, to] = await Promise.all([
      this.catalog.findPlanOfTenant(tenantId, subscription.planId),
      this.catalog.findPlanOfTenant(tenantId, planId),
    ]);
    if (!to || !to.active) throw new NotFoundError('plan', planId);
    const target = (await this.catalog.findPricesOfPlans(tenantId, [to.id])).at(-1);
    const current = await this.catalog.findPriceOfTenant(tx, tenantId, subscription.priceId);
    const [product] = await this.catalog.findProductsByIds(tenantId, [to.productId], tx);
    if (!target || !current || !product) throw new NotFoundError('plan', planId);
    if (current.currency !== target.currency)
      throw new ValidationFailedError([
        { field: 'planId', message: `planId is priced in ${target.currency}, the subscription in ${current.currency}` },
      ]);
    const effective = (from?.changePolicy ?? 'immediate-with-proration') === 'at-period-end' ? 'period-end' : 'now';
    const otherInterval = !!from && (from.interval !== to.interval || from.intervalCount !== to.intervalCount);
    if (effective === 'now') {
      if (subscription.status === 'past_due')
        throw new ConflictError('a past-due subscription changes plan at once only once its open invoice is paid');
    }
    return {
      to,
      target,
      current,
      effective,
      restartsCycle: effective === 'now' && otherInterval && subscription.status !== 'trialing',
      rateAt: (at) => this.taxRates.rateAt(tenantId, product.productType, at),
    };
  }

  private async prorate(
    subscription: ReaderSubscription,
    change: ResolvedChange,
    prorationDate: number,
    creditBalance: bigint,
  ): Promise<SuitePlanChangeProration> {
    const trial = subscription.status === 'trialing';
    const at = new Date(
      Math.min(
        Math.max(prorationDate * 1000, subscription.currentPeriodStart.getTime()),
        subscription.currentPeriodEnd.getTime(),
      ),
    );
    return prorateSuitePlanChange({
      period: { start: subscription.currentPeriodStart, end: subscription.currentPeriodEnd },
      prorationDate,
      // A trial was not paid: nothing to give back, nothing to charge for its rest.
      fromUnitAmount: trial ? 0n : BigInt(change.current.unitAmount),
      toUnitAmount: trial ? 0n : BigInt(change.target.unitAmount),
      rate: await change.rateAt(at),
      creditBalance,
      restartsCycle: change.restartsCycle,
    });
  }

  /** The credit the reader holds, with what an open renewal (about to be billed again) took of it. */
  private async heldCredit(tx: EntityManager, subscription: ReaderSubscription): Promise<bigint> {
    const renewal = await this.openRenewalOf(tx, subscription);
    return BigInt(subscription.creditBalance) + BigInt(renewal?.creditApplied ?? '0');
  }

  private async openRenewalOf(tx: EntityManager, subscription: ReaderSubscription): Promise<Invoice | null> {
    const renewal = await this.invoices.findSuiteInvoiceOfPeriod(
      tx,
      subscription.tenantId,
      subscription.id,
      subscription.currentPeriodEnd,
    );
    return renewal?.status === 'open' ? renewal : null;
  }

  /** Voids the open renewal (finance reverses its billing; a payment of it later is held) and gives its credit back. */
  private async voidOpenRenewal(tx: EntityManager, subscription: ReaderSubscription, now: Date): Promise<void> {
    const renewal = await this.openRenewalOf(tx, subscription);
    if (!renewal) return;
    const voided = await this.invoices.save(tx, { ...renewal, status: 'void', voidedAt: now });
    await this.invoiceFacts.publish(tx, subscription, voided, { finalized: false, paid: false, writtenOff: 'void' });
    const creditBalance = (BigInt(subscription.creditBalance) + BigInt(renewal.creditApplied)).toString();
    await this.subscriptions.saveBilledBySuite(tx, { ...subscription, creditBalance });
    this.logger.log(`subscription ${subscription.id}: renewal ${renewal.id} voided by a plan change`);
  }

  /** The agency's renewal notice: how long a pay link is given before its invoice counts as failed. */
  private async noticeDays(tx: EntityManager, tenantId: string): Promise<number> {
    return (await this.settings.findOfTenant(tenantId, tx))?.renewalNoticeDays ?? DEFAULT_RENEWAL_NOTICE_DAYS;
  }

  /**
   * The invoice of the prorated difference, billed (finalized) now for the rest of the period, due
   * in the agency's renewal notice days (the time a renewal's pay link gets before its period ends):
   * unpaid then (or at once, when the saved wallet declines it), it fails and dunning chases it.
   */
  private async billProration(
    tx: EntityManager,
    subscription: ReaderSubscription,
    change: ResolvedChange,
    proration: SuitePlanChangeProration,
    now: Date,
    noticeDays: number,
  ): Promise<Invoice> {
    const id = randomUUID();
    const invoice: Invoice = {
      tenantId: subscription.tenantId,
      providerInvoiceId: suiteInvoiceKey(id),
      id,
      subscriptionId: subscription.id,
      status: 'open',
      currency: change.target.currency,
      amountDue: proration.amountDue.toString(),
      amountPaid: '0',
      tax: proration.tax.toString(),
      providerFee: '0',
      providerChargeId: null,
      providerBalanceTransactionId: null,
      periodStart: proration.at,
      periodEnd: subscription.currentPeriodEnd,
      dueDate: new Date(now.getTime() + noticeDays * DAY_MS),
      finalizedAt: now,
      paidAt: null,
      voidedAt: null,
      markedUncollectibleAt: null,
      paymentId: null,
      payPageUrl: null,
      tokenChargeAttemptedAt: null,
      proration: true,
      creditApplied: proration.creditApplied.toString(),
      recordedAt: now,
    };
    await this.invoices.insertSuiteInvoiceOnce(tx, invoice);
    await this.invoiceFacts.publish(tx, subscription, invoice, { finalized: true, paid: false, writtenOff: null });
    return invoice;
  }

  private async subscriptionOf(tx: EntityManager, tenantId: string, id: string): Promise<ReaderSubscription> {
    const subscription = await this.subscriptions.findOneOfTenant(tenantId, id, tx);
    if (!subscription) throw new NotFoundError('subscription', id);
    return subscription;
  }

  private async lockedSubscriptionOf(tx: EntityManager, tenantId: string, id: string): Promise<ReaderSubscription> {
    const subscription = await this.subscriptions.lockOfTenant(tx, tenantId, id);
    if (!subscription) throw new NotFoundError('subscription', id);
    return subscription;
  }
}

const NOTHING_PENDING = {
  pendingPlanId: null,
  pendingPriceId: null,
  pendingEffectiveAt: null,
  pendingProviderScheduleId: null,
} as const;

function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}

/** The new plan's period starting at `at` (a cycle restarted by a change of interval). */
function periodFrom(at: Date, change: ResolvedChange): { start: Date; end: Date } {
  return { start: at, end: addCalendarMonths(at, periodMonthsOf(change.to)) };
}

function periodOf(period: {
  start: Date;
  end: Date;
}): Pick<ReaderSubscription, 'currentPeriodStart' | 'currentPeriodEnd'> {
  return { currentPeriodStart: period.start, currentPeriodEnd: period.end };
}
