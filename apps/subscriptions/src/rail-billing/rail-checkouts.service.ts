import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EventOutbox, RpcClient, ValidationFailedError } from '@libs/common';
import {
  CreatePayment,
  CreateRailCheckoutRequest,
  RailCheckoutView,
  readerKeyOf,
  SubscriptionChanged,
} from '@libs/contracts';
import { CatalogRepository } from '../catalog/catalog.repository';
import { Plan } from '../catalog/plan.entity';
import { Price } from '../catalog/price.entity';
import { Invoice } from '../invoices/invoice.entity';
import { InvoiceRepository } from '../invoices/invoice.repository';
import { ReaderSubscription } from '../reader-subscriptions/reader-subscription.entity';
import { ReaderSubscriptionRepository } from '../reader-subscriptions/reader-subscription.repository';
import { TaxRatesService } from '../tax-rates/tax-rates.service';
import { billingCaller } from './billing-caller';
import { billFirstPeriod, FirstPeriodBill } from './first-period-bill';
import { payerKeyOf } from './payer-key';
import { suiteInvoiceKey } from './suite-invoice-key';
import { suiteSubscriptionChanged } from './suite-subscription-changed';
import { SuiteSubscriptionChangesService } from './suite-subscription-changes.service';

/** How long the reader has to pay the first period; the invoice is due then. */
const PAY_WITHIN_MINUTES = 60;
const DAY_MS = 86_400_000;

interface PlanOnSale {
  plan: Plan;
  price: Price;
  productType: string;
}

/**
 * A reader buys a plan on a domestic rail: the suite records the subscription (incomplete) and
 * the invoice of its first period (open; finance hears it billed and paid together once the money
 * arrives, as a provider's checkout bills), then asks payments for the money and answers the pay link. Payments is asked
 * after the commit, so no transaction waits on it; asked again for the same invoice it answers the same payment. The
 * payment saves the reader's wallet where the rail can, so that renewals are charged to it (SuiteRenewalsService).
 *
 * A plan with a trial the reader has not had (once per reader and plan, whoever billed the earlier
 * one) starts trialing at once, entitled, with nothing billed or asked: no rail takes a payment of
 * 0 to bind a wallet, so the trial's end is billed as a renewal (SuiteRenewalsService: its pay link
 * the agency's notice days before, charged to a wallet the reader saved before if any, dunning per
 * the agency's policy when unpaid). Cancelled during the trial, it ends without a bill.
 */
@Injectable()
export class RailCheckoutsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: CatalogRepository,
    private readonly taxRates: TaxRatesService,
    private readonly subscriptions: ReaderSubscriptionRepository,
    private readonly invoices: InvoiceRepository,
    private readonly changes: SuiteSubscriptionChangesService,
    private readonly outbox: EventOutbox,
    private readonly rpc: RpcClient,
  ) {}

  async open(tenantId: string, request: CreateRailCheckoutRequest, requestId: string): Promise<RailCheckoutView> {
    const { plan, price, productType } = await this.planOnSale(tenantId, request.planId);
    const now = new Date();
    if (plan.trialDays > 0) {
      const trial = await this.startTrialOnce(tenantId, request, plan, price, now);
      if (trial) return trial;
    }
    const bill = billFirstPeriod(
      BigInt(price.unitAmount),
      plan,
      await this.taxRates.rateAt(tenantId, productType, now),
      now,
    );
    const subscriptionId = randomUUID();
    const { subscription, invoice } = await this.dataSource.transaction(async (tx) => {
      const subscription = await this.subscriptions.saveBilledBySuite(tx, {
        id: subscriptionId,
        tenantId,
        providerSubscriptionId: `suite:${subscriptionId}`,
        readerKey: readerKeyOf(request),
        planId: plan.id,
        priceId: price.id,
        status: 'incomplete',
        currentPeriodStart: bill.periodStart,
        currentPeriodEnd: bill.periodEnd,
        cancelAtPeriodEnd: false,
        creditBalance: '0',
        trialEnd: null,
        reference: request.reference ?? null,
        pendingPlanId: null,
        pendingPriceId: null,
        pendingEffectiveAt: null,
        pendingProviderScheduleId: null,
        billedBy: 'suite',
        returnUrl: request.returnUrl,
      });
      // Billed only once paid, as a provider's checkout bills: an abandoned checkout leaves nothing in the books.
      const invoice = await this.invoices.save(tx, openInvoiceOf(tenantId, subscription, price, bill, now));
      await this.outbox.add(tx, SubscriptionChanged, {
        tenantId,
        subject: subscription.id,
        data: suiteSubscriptionChanged(subscription, price, plan, null),
      });
      return { subscription, invoice };
    });
    const payerKey = payerKeyOf(subscription.readerKey);
    const payment = await this.rpc.request(
      CreatePayment,
      {
        amount: invoice.amountDue,
        currency: invoice.currency,
        purpose: { stream: 'subscriptions', reference: invoice.id, description: plan.name },
        buyer: { name: null, email: request.email?.toLowerCase() ?? null, phone: null, taxCode: null, address: null },
        lines: [
          {
            description: plan.name,
            quantity: 1,
            amount: bill.net.toString(),
            vatRateBasisPoints: bill.vatRateBasisPoints,
            vatAmount: bill.vat.toString(),
          },
        ],
        returnUrl: request.returnUrl,
        ...(request.rails ? { rails: request.rails } : {}),
        expiresInMinutes: PAY_WITHIN_MINUTES,
        // A rail that saves wallets (MoMo) binds the reader's as they pay, for renewals charged without them;
        // payments ignores it on the rails that cannot (VNPay, payOS).
        ...(payerKey ? { saveTokenFor: payerKey } : {}),
      },
      billingCaller(tenantId, invoice.id, requestId),
    );
    return {
      subscriptionId: subscription.id,
      status: 'incomplete',
      invoiceId: invoice.id,
      paymentId: payment.id,
      payPageUrl: payment.payPageUrl,
      trialEnd: null,
    };
  }

  /**
   * Starts the plan's trial unless the reader had one of this plan (then null: they pay now). The
   * check and the start are serialized per reader and plan, so two checkouts at once start one trial.
   */
  private async startTrialOnce(
    tenantId: string,
    request: CreateRailCheckoutRequest,
    plan: Plan,
    price: Price,
    now: Date,
  ): Promise<RailCheckoutView | null> {
    const readerKey = readerKeyOf(request);
    const trialEnd = new Date(now.getTime() + plan.trialDays * DAY_MS);
    return this.dataSource.transaction(async (tx) => {
      await this.subscriptions.lockReaderPlan(tx, tenantId, readerKey, plan.id);
      if (await this.subscriptions.hasHadTrialOf(tx, tenantId, readerKey, plan.id)) return null;
      const id = randomUUID();
      const subscription = await this.changes.record(
        tx,
        {
          id,
          tenantId,
          providerSubscriptionId: `suite:${id}`,
          readerKey,
          planId: plan.id,
          priceId: price.id,
          status: 'trialing',
          currentPeriodStart: now,
          currentPeriodEnd: trialEnd,
          cancelAtPeriodEnd: false,
          creditBalance: '0',
          trialEnd,
          reference: request.reference ?? null,
          pendingPlanId: null,
          pendingPriceId: null,
          pendingEffectiveAt: null,
          pendingProviderScheduleId: null,
          billedBy: 'suite',
          returnUrl: request.returnUrl,
        },
        null,
        now,
      );
      return {
        subscriptionId: subscription.id,
        status: 'trialing',
        invoiceId: null,
        paymentId: null,
        payPageUrl: null,
        trialEnd: trialEnd.toISOString(),
      };
    });
  }

  /** The plan, if the agency sells it, with its current price version; else the request's `planId` is refused. */
  private async planOnSale(tenantId: string, planId: string): Promise<PlanOnSale> {
    const plan = await this.catalog.findPlanOfTenant(tenantId, planId);
    if (!plan?.active)
      throw new ValidationFailedError([{ field: 'planId', message: 'planId names no plan the agency sells' }]);
    const price = (await this.catalog.findPricesOfPlans(tenantId, [plan.id])).at(-1);
    const [product] = await this.catalog.findProductsByIds(tenantId, [plan.productId]);
    if (!price || !product)
      throw new ValidationFailedError([{ field: 'planId', message: 'planId names a plan without a price' }]);
    return { plan, price, productType: product.productType };
  }
}

function openInvoiceOf(
  tenantId: string,
  subscription: ReaderSubscription,
  price: Price,
  bill: FirstPeriodBill,
  now: Date,
): Invoice {
  const id = randomUUID();
  return {
    tenantId,
    providerInvoiceId: suiteInvoiceKey(id),
    id,
    subscriptionId: subscription.id,
    status: 'open',
    currency: price.currency,
    amountDue: bill.amountDue.toString(),
    amountPaid: '0',
    tax: bill.vat.toString(),
    providerFee: '0',
    providerChargeId: null,
    providerBalanceTransactionId: null,
    periodStart: bill.periodStart,
    periodEnd: bill.periodEnd,
    dueDate: new Date(now.getTime() + PAY_WITHIN_MINUTES * 60_000),
    finalizedAt: null,
    paidAt: null,
    voidedAt: null,
    markedUncollectibleAt: null,
    paymentId: null,
    payPageUrl: null,
    tokenChargeAttemptedAt: null,
    proration: false,
    creditApplied: '0',
    recordedAt: now,
  };
}
