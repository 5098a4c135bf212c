import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EventOutbox, RpcClient } from '@libs/common';
import { CreatePayment, InvoiceStatus, RenewalPaymentRequested } from '@libs/contracts';
import { BillingSettingsRepository } from '../billing-settings/billing-settings.repository';
import { CatalogRepository } from '../catalog/catalog.repository';
import { Invoice } from '../invoices/invoice.entity';
import { InvoiceRepository } from '../invoices/invoice.repository';
import { InvoicesService } from '../invoices/invoices.service';
import { ReaderSubscription } from '../reader-subscriptions/reader-subscription.entity';
import { ReaderSubscriptionRepository } from '../reader-subscriptions/reader-subscription.repository';
import { TaxRatesService } from '../tax-rates/tax-rates.service';
import { billingCaller } from './billing-caller';
import { billFirstPeriod } from './first-period-bill';
import { planOfPeriod, withPendingChangeDue } from './pending-plan-change';
import { renewalInvoiceOf } from './renewal-invoice';
import { emailOf, renewalPaymentRequested } from './renewal-payment-requested';
import { RenewalWalletChargesService } from './renewal-wallet-charges.service';
import { suiteBillingStepAt } from './suite-billing-step';
import { SuiteDunningService } from './suite-dunning.service';
import { SuiteSubscriptionChangesService } from './suite-subscription-changes.service';
import { applyCredit } from './suite-plan-change-proration';
import { DEFAULT_DUNNING_POLICY } from '../billing-settings/default-billing-settings';

const BATCH = 50;
const DAY_MS = 86_400_000;
/** Payments keeps a payment open at most 90 days: a renewal's notice (up to 30) and grace (up to 60) fit. */
const MAX_PAY_MINUTES = 129_600;
const MIN_PAY_MINUTES = 5;
/** What a new agency's policy says, for an agency whose settings are missing. */

/**
 * The suite's own engine renews what it bills: the renewal is billed (InvoiceFinalized) the
 * agency's notice days before the period ends, at the price version the reader pays and the VAT
 * in force when the new period starts (a plan change pending for that period: the new plan's
 * price), less credit the reader holds from plan changes down (never below 0; a renewal credit
 * pays in full is paid at once); payments is then asked for the money (outside any
 * transaction), charged to the reader's saved wallet where the rail saved one, and otherwise (or
 * declined) the pay link goes to the agency's mailer. At the period's end a subscription
 * cancelled at period end ends, and one whose renewal is unpaid falls past due (dunning).
 */
@Injectable()
export class SuiteRenewalsService {
  private readonly logger = new Logger(SuiteRenewalsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly subscriptions: ReaderSubscriptionRepository,
    private readonly invoices: InvoiceRepository,
    private readonly invoiceFacts: InvoicesService,
    private readonly catalog: CatalogRepository,
    private readonly taxRates: TaxRatesService,
    private readonly settings: BillingSettingsRepository,
    private readonly dunning: SuiteDunningService,
    private readonly changes: SuiteSubscriptionChangesService,
    private readonly walletCharges: RenewalWalletChargesService,
    private readonly outbox: EventOutbox,
    private readonly rpc: RpcClient,
  ) {}

  /**
   * Makes every step due at `now` (every agency), a batch per short transaction; instances share
   * the work (rows locked with SKIP LOCKED) and the renewal of a period is recorded once (unique per
   * subscription and period start). Answers how many subscriptions moved.
   */
  async stepDue(now: Date): Promise<number> {
    let moved = 0;
    for (;;) {
      const { locked, stepped } = await this.dataSource.transaction(async (tx) => {
        const due = await this.subscriptions.lockSuiteBilledDue(tx, now, BATCH);
        let count = 0;
        for (const { subscription, noticeDays, renewalStatus } of due)
          if (await this.step(tx, subscription, noticeDays, renewalStatus, now)) count++;
        return { locked: due.length, stepped: count };
      });
      moved += stepped;
      // A renewal billed after its period ended makes it past due on the next pass.
      if (stepped === 0 || locked === 0) return moved;
    }
  }

  /**
   * Asks payments for the money of every renewal billed without a pay link yet (also one whose
   * asking failed before: payments answers the same payment for the same invoice), charges it to
   * the reader's saved wallet once if there is one, keeps the link and, unless the wallet paid,
   * sends it to the agency's mailer, once. Answers how many links were sent.
   */
  async requestPayLinks(now: Date, requestId: string): Promise<number> {
    let sent = 0;
    for (const invoice of await this.invoices.findSuiteRenewalsAwaitingPayLink(BATCH)) {
      try {
        if (await this.requestPayLink(invoice, now, requestId)) sent++;
      } catch (error) {
        this.logger.warn(`renewal ${invoice.id}: no pay link yet (${(error as Error).message}); asking again later`);
      }
    }
    return sent;
  }

  /**
   * Asks payments for one invoice's money at once (a plan change's), as the schedule would; when
   * that fails the schedule asks again on its next pass.
   */
  async requestPayLinkOnce(invoice: Invoice, now: Date, requestId: string): Promise<void> {
    try {
      await this.requestPayLink(invoice, now, requestId);
    } catch (error) {
      this.logger.warn(`invoice ${invoice.id}: no pay link yet (${(error as Error).message}); asking again later`);
    }
  }

  private async step(
    tx: EntityManager,
    subscription: ReaderSubscription,
    noticeDays: number,
    renewalStatus: InvoiceStatus | null,
    now: Date,
  ): Promise<boolean> {
    const step = suiteBillingStepAt(
      { ...subscription, renewal: renewalStatus && { status: renewalStatus } },
      noticeDays,
      now,
    );
    switch (step) {
      case 'bill-renewal':
        return this.billRenewal(tx, subscription, now);
      case 'end-cancelled': {
        const ended = await this.changes.record(tx, { ...subscription, status: 'canceled' }, subscription.status, now);
        await this.changes.auditCreditKept(tx, ended, 'cancelled at period end');
        return true;
      }
      case 'fall-past-due':
        await this.dunning.fallPastDue(tx, subscription, now);
        return true;
      case 'none':
        return false;
      default: {
        const unknown: never = step;
        throw new Error(`unhandled step ${String(unknown)}`);
      }
    }
  }

  /** Records and bills the invoice of the period starting when the current one ends. */
  private async billRenewal(tx: EntityManager, subscription: ReaderSubscription, now: Date): Promise<boolean> {
    const { tenantId } = subscription;
    const start = subscription.currentPeriodEnd;
    const billed = { ...subscription, ...planOfPeriod(subscription, start) };
    const price = await this.catalog.findPriceOfTenant(tx, tenantId, billed.priceId);
    const plan = await this.catalog.findPlanOfTenantOrFail(tx, tenantId, billed.planId);
    const [product] = await this.catalog.findProductsByIds(tenantId, [plan.productId], tx);
    if (!price || !product) throw new Error(`subscription ${subscription.id}: its price or product is gone`);
    // Billed as a first period that starts when the current one ends: the same VAT arithmetic.
    const rate = await this.taxRates.rateAt(tenantId, product.productType, start);
    const bill = billFirstPeriod(BigInt(price.unitAmount), plan, rate, start);
    const credited = applyCredit(bill, BigInt(subscription.creditBalance));
    const invoice = {
      ...renewalInvoiceOf(
        subscription,
        price.currency,
        { ...bill, amountDue: credited.amountDue, vat: credited.vat, net: credited.amountDue - credited.vat },
        now,
      ),
      creditApplied: credited.applied.toString(),
    };
    if (!(await this.invoices.insertSuiteInvoiceOnce(tx, invoice))) return false;
    const creditBalance = (BigInt(subscription.creditBalance) - credited.applied).toString();
    if (credited.amountDue === 0n) {
      // Credit pays it in full: paid now, and the period moves on as for a renewal paid early.
      const paid = await this.invoices.save(tx, { ...invoice, status: 'paid', paidAt: now });
      const moved = await this.changes.record(
        tx,
        withPendingChangeDue({
          ...subscription,
          status: 'active',
          creditBalance,
          currentPeriodStart: paid.periodStart,
          currentPeriodEnd: paid.periodEnd,
        }),
        subscription.status,
        now,
      );
      await this.invoiceFacts.publish(tx, moved, paid, { finalized: true, paid: true, writtenOff: null });
    } else {
      if (credited.applied > 0n) await this.subscriptions.saveBilledBySuite(tx, { ...subscription, creditBalance });
      // Finance hears the plan and price the period is billed at (a change pending for it is made when it starts).
      await this.invoiceFacts.publish(tx, billed, invoice, { finalized: true, paid: false, writtenOff: null });
    }
    this.logger.log(`subscription ${subscription.id}: renewal ${invoice.id} billed for ${start.toISOString()}`);
    return true;
  }

  private async requestPayLink(invoice: Invoice, now: Date, requestId: string): Promise<boolean> {
    const { tenantId } = invoice;
    const subscription = await this.subscriptions.findOneOfTenant(tenantId, invoice.subscriptionId);
    if (!subscription?.returnUrl) throw new Error('its subscription has no return URL for the payer');
    const { planId } = invoice.proration ? subscription : planOfPeriod(subscription, invoice.periodStart);
    const plan = await this.catalog.findPlanOfTenantOrFail(this.dataSource.manager, tenantId, planId);
    const [product] = await this.catalog.findProductsByIds(tenantId, [plan.productId]);
    const description = invoice.proration ? `${plan.name}: plan change for the rest of the period` : plan.name;
    const rate = product ? await this.taxRates.rateAt(tenantId, product.productType, invoice.periodStart) : null;
    const graceDays = (await this.settings.findOfTenant(tenantId))?.graceDays ?? DEFAULT_DUNNING_POLICY.graceDays;
    const graceEnd = invoice.periodStart.getTime() + graceDays * DAY_MS;
    const tax = BigInt(invoice.tax);
    const payment = await this.rpc.request(
      CreatePayment,
      {
        amount: invoice.amountDue,
        currency: invoice.currency,
        purpose: { stream: 'subscriptions', reference: invoice.id, description },
        buyer: { name: null, email: emailOf(subscription.readerKey), phone: null, taxCode: null, address: null },
        lines: [
          {
            description,
            quantity: 1,
            amount: (BigInt(invoice.amountDue) - tax).toString(),
            vatRateBasisPoints: tax === 0n ? 0 : (rate?.basisPoints ?? 0),
            vatAmount: invoice.tax,
          },
        ],
        returnUrl: subscription.returnUrl,
        // Payable until grace ends, as far as payments allows.
        expiresInMinutes: Math.min(
          MAX_PAY_MINUTES,
          Math.max(MIN_PAY_MINUTES, Math.ceil((graceEnd - now.getTime()) / 60_000)),
        ),
      },
      billingCaller(tenantId, invoice.id, requestId),
    );
    const charge = await this.walletCharges.chargeOnce(invoice, subscription, payment, now, requestId);
    if (charge === 'settling') return false;
    const sent = await this.dataSource.transaction(async (tx) => {
      if (!(await this.invoices.keepPayLinkOnce(tx, invoice, payment.payPageUrl))) return false;
      // Paid without the reader: its PaymentSucceeded pays the invoice; the link is kept only for the record.
      if (charge === 'paid') return false;
      await this.outbox.add(tx, RenewalPaymentRequested, {
        tenantId,
        subject: subscription.id,
        data: renewalPaymentRequested(subscription, invoice, payment.payPageUrl, 0),
      });
      return true;
    });
    // An upgrade the saved wallet declined has failed now (dunning chases it; the reader has the link).
    if (invoice.proration && charge === 'declined')
      await this.dataSource.transaction((tx) =>
        this.dunning.failUpgrade(tx, invoice, now, 'saved wallet declined', now),
      );
    return sent;
  }
}
