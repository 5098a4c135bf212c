import { Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import { fromProviderNumber, toSafeNumber } from '@libs/common';
import { SubscriptionsEnv } from '../../config/subscriptions.config';
import {
  ActivityRange,
  InvalidWebhookError,
  InvoicePaymentAttempt,
  NewCheckout,
  NewCoupon,
  NewOneOffCheckout,
  PageRequest,
  ParsedProviderNotification,
  PaymentProvider,
  ProviderAccount,
  ProviderBalanceTransaction,
  ProviderCoupon,
  ProviderDispute,
  ProviderInvoice,
  ProviderListing,
  ProviderOneOffPayment,
  ProviderPage,
  ProviderPayout,
  ProviderRefund,
  ProviderSubscription,
  ScheduledPriceChange,
  UnknownPromotionCodeError,
} from '../payment-provider';
import { RequestPacer } from './request-pacer';

const RATE_LIMIT_RETRIES = 4;

/** The Stripe adapter: the one place that knows Stripe's objects, events and SDK. */
@Injectable()
export class StripePaymentProvider extends PaymentProvider {
  private readonly clients = new Map<string, Stripe>();
  private readonly pacer: RequestPacer;
  private readonly apiUrl: URL | null;

  constructor(env: SubscriptionsEnv) {
    super();
    this.pacer = new RequestPacer(env.STRIPE_MAX_REQUESTS_PER_S);
    this.apiUrl = env.STRIPE_API_URL ? new URL(env.STRIPE_API_URL) : null;
  }

  async createProduct(
    account: ProviderAccount,
    idempotencyKey: string,
    product: { name: string; ourId: string },
  ): Promise<string> {
    const created = await this.call(account, (s) =>
      s.products.create(
        { name: product.name, metadata: { tenant_id: account.tenantId, product_id: product.ourId } },
        { idempotencyKey },
      ),
    );
    return created.id;
  }

  async createPrice(
    account: ProviderAccount,
    idempotencyKey: string,
    price: {
      productId: string;
      currency: string;
      unitAmount: bigint;
      interval: 'month' | 'year';
      intervalCount: number;
      ourId: string;
    },
  ): Promise<string> {
    const created = await this.call(account, (s) =>
      s.prices.create(
        {
          product: price.productId,
          currency: price.currency.toLowerCase(),
          unit_amount: toSafeNumber(price.unitAmount),
          recurring: { interval: price.interval, interval_count: price.intervalCount },
          metadata: { tenant_id: account.tenantId, price_id: price.ourId },
        },
        { idempotencyKey },
      ),
    );
    return created.id;
  }

  async createCustomer(
    account: ProviderAccount,
    idempotencyKey: string,
    customer: { email: string | null; readerKey: string },
  ): Promise<string> {
    const created = await this.call(account, (s) =>
      s.customers.create(
        {
          email: customer.email ?? undefined,
          metadata: { tenant_id: account.tenantId, reader_key: customer.readerKey },
        },
        { idempotencyKey },
      ),
    );
    return created.id;
  }

  async createCheckout(account: ProviderAccount, checkout: NewCheckout): Promise<{ id: string; url: string }> {
    const metadata = {
      tenant_id: account.tenantId,
      reader_key: checkout.readerKey,
      reference: checkout.reference ?? '',
    };
    const promotionCodeId = checkout.promotionCode
      ? await this.promotionCodeIdOf(account, checkout.promotionCode)
      : null;
    const session = await this.call(account, (s) =>
      s.checkout.sessions.create(
        {
          mode: 'subscription',
          line_items: [{ price: checkout.providerPriceId, quantity: 1 }],
          customer: checkout.customerId ?? undefined,
          customer_email: checkout.customerId ? undefined : (checkout.email ?? undefined),
          client_reference_id: checkout.readerKey.slice(0, 200),
          success_url: checkout.successUrl,
          cancel_url: checkout.cancelUrl,
          metadata,
          subscription_data: {
            metadata,
            trial_period_days: checkout.trialDays > 0 ? checkout.trialDays : undefined,
            default_tax_rates: checkout.taxRateIds.length > 0 ? checkout.taxRateIds : undefined,
          },
          discounts: promotionCodeId ? [{ promotion_code: promotionCodeId }] : undefined,
          allow_promotion_codes: promotionCodeId ? undefined : true,
        },
        { idempotencyKey: checkout.idempotencyKey },
      ),
    );
    if (!session.url) throw new Error(`checkout session ${session.id} has no URL`);
    return { id: session.id, url: session.url };
  }

  /**
   * Checkout in `payment` mode with one inline line item (`price_data`) on the plan's Stripe
   * product. Inline rather than a one-time Price made per plan and months: the amount is our
   * current price version times the intervals at this moment, so a stored Price would go stale
   * with every new version and leave one archived Price per (version, months) behind; inline,
   * Stripe still reports the revenue under the plan's product. VAT rates go on the line item,
   * as payment mode has no subscription to carry default rates.
   */
  async createOneOffCheckout(
    account: ProviderAccount,
    checkout: NewOneOffCheckout,
  ): Promise<{ id: string; url: string }> {
    const metadata = { tenant_id: account.tenantId, purchase_id: checkout.purchaseId };
    const session = await this.call(account, (s) =>
      s.checkout.sessions.create(
        {
          mode: 'payment',
          line_items: [
            {
              price_data: {
                currency: checkout.currency.toLowerCase(),
                product: checkout.providerProductId,
                unit_amount: toSafeNumber(checkout.unitAmount),
              },
              quantity: checkout.quantity,
              tax_rates: checkout.taxRateIds.length > 0 ? checkout.taxRateIds : undefined,
            },
          ],
          customer_email: checkout.email,
          client_reference_id: checkout.purchaseId,
          success_url: checkout.successUrl,
          cancel_url: checkout.cancelUrl,
          metadata,
          payment_intent_data: { metadata, description: checkout.description },
        },
        { idempotencyKey: checkout.idempotencyKey },
      ),
    );
    if (!session.url) throw new Error(`checkout session ${session.id} has no URL`);
    return { id: session.id, url: session.url };
  }

  async retrieveOneOffPayment(account: ProviderAccount, checkoutId: string): Promise<ProviderOneOffPayment> {
    const session = await this.call(account, (s) =>
      s.checkout.sessions.retrieve(checkoutId, { expand: ['payment_intent.latest_charge.balance_transaction'] }),
    );
    if (session.mode !== 'payment')
      throw new Error(`checkout session ${checkoutId} is not a one-off payment (${session.mode})`);
    const intent = typeof session.payment_intent === 'string' ? null : session.payment_intent;
    const charge = intent && typeof intent.latest_charge !== 'string' ? intent.latest_charge : null;
    const txn = charge && typeof charge.balance_transaction !== 'string' ? charge.balance_transaction : null;
    const paid = session.payment_status === 'paid' && charge?.status === 'succeeded';
    return {
      checkoutId: session.id,
      purchaseId: session.metadata?.purchase_id || null,
      paid,
      currency: (session.currency ?? '').toUpperCase(),
      amountPaid: paid ? fromProviderNumber(charge.amount) : 0n,
      tax: fromProviderNumber(session.total_details?.amount_tax ?? 0),
      paymentIntentId: idOf(session.payment_intent),
      chargeId: charge?.id ?? null,
      balanceTransactionId: txn?.id ?? null,
      fee: txn ? fromProviderNumber(txn.fee) : 0n,
      paidAt: paid ? fromUnix(charge.created) : null,
    };
  }

  async createPortal(account: ProviderAccount, customerId: string, returnUrl: string): Promise<{ url: string }> {
    const session = await this.call(account, (s) =>
      s.billingPortal.sessions.create({ customer: customerId, return_url: returnUrl }),
    );
    return { url: session.url };
  }

  async retrieveSubscription(account: ProviderAccount, subscriptionId: string): Promise<ProviderSubscription> {
    const subscription = await this.call(account, (s) =>
      s.subscriptions.retrieve(subscriptionId, { expand: ['schedule'] }),
    );
    const item = subscription.items.data[0];
    if (!item) throw new Error(`subscription ${subscriptionId} has no items`);
    return {
      id: subscription.id,
      customerId: typeof subscription.customer === 'string' ? subscription.customer : subscription.customer.id,
      status: knownStatus(subscription.status),
      priceId: item.price.id,
      currentPeriodStart: fromUnix(item.current_period_start),
      currentPeriodEnd: fromUnix(item.current_period_end),
      cancelAtPeriodEnd: subscription.cancel_at_period_end,
      trialEnd: subscription.trial_end ? fromUnix(subscription.trial_end) : null,
      taxRateIds: (subscription.default_tax_rates ?? []).map((rate) => rate.id),
      metadata: subscription.metadata ?? {},
      scheduledPriceChange: scheduledPriceChangeOf(subscription.schedule, item.price.id),
    };
  }

  async retrieveInvoice(account: ProviderAccount, invoiceId: string): Promise<ProviderInvoice> {
    const invoice = await this.call(account, (s) => s.invoices.retrieve(invoiceId, { expand: ['payments'] }));
    const status = knownInvoiceStatus(invoice.status);
    // Before it is paid, an invoice's payments are failed attempts: no charge of ours to record.
    const paid =
      status === 'paid'
        ? (invoice.payments?.data.find((p) => p.status === 'paid') ?? invoice.payments?.data[0])
        : undefined;
    const chargeId = paid ? await this.chargeOf(account, paid.payment) : null;
    let balanceTransactionId: string | null = null;
    let fee = 0n;
    if (chargeId) {
      const charge = await this.call(account, (s) => s.charges.retrieve(chargeId, { expand: ['balance_transaction'] }));
      const txn = charge.balance_transaction;
      if (txn && typeof txn !== 'string') {
        balanceTransactionId = txn.id;
        fee = fromProviderNumber(txn.fee);
      } else if (typeof txn === 'string') {
        const full = await this.call(account, (s) => s.balanceTransactions.retrieve(txn));
        balanceTransactionId = full.id;
        fee = fromProviderNumber(full.fee);
      }
    }
    const line = invoice.lines.data[0];
    const subscriptionRef = invoice.parent?.subscription_details?.subscription;
    return {
      id: invoice.id,
      subscriptionId: typeof subscriptionRef === 'string' ? subscriptionRef : (subscriptionRef?.id ?? null),
      status,
      currency: invoice.currency.toUpperCase(),
      amountDue: fromProviderNumber(invoice.amount_due),
      amountPaid: fromProviderNumber(invoice.amount_paid),
      tax: (invoice.total_taxes ?? []).reduce((sum, t) => sum + fromProviderNumber(t.amount), 0n),
      chargeId,
      balanceTransactionId,
      fee,
      periodStart: fromUnix(line?.period.start ?? invoice.period_start),
      periodEnd: fromUnix(line?.period.end ?? invoice.period_end),
      dueDate: invoice.due_date ? fromUnix(invoice.due_date) : null,
      finalizedAt: unixOrNull(invoice.status_transitions.finalized_at),
      paidAt: unixOrNull(invoice.status_transitions.paid_at),
      voidedAt: unixOrNull(invoice.status_transitions.voided_at),
      markedUncollectibleAt: unixOrNull(invoice.status_transitions.marked_uncollectible_at),
    };
  }

  /**
   * `POST /v1/invoices/{id}/pay`. A decline answers 402 (`card_error`): a failed attempt, not a
   * fault. An invoice that is no longer open answers 400; its status then says why.
   */
  async retryInvoicePayment(
    account: ProviderAccount,
    idempotencyKey: string,
    invoiceId: string,
  ): Promise<InvoicePaymentAttempt> {
    try {
      const invoice = await this.call(account, (s) => s.invoices.pay(invoiceId, {}, { idempotencyKey }));
      return invoice.status === 'paid'
        ? { outcome: 'paid' }
        : { outcome: 'not-open', status: knownInvoiceStatus(invoice.status) };
    } catch (error) {
      if (error instanceof Stripe.errors.StripeCardError) {
        const codes = [error.code, error.decline_code].filter(Boolean).join('/');
        return { outcome: 'declined', reason: codes ? `${codes}: ${error.message}` : error.message };
      }
      if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
      const current = await this.call(account, (s) => s.invoices.retrieve(invoiceId));
      const status = knownInvoiceStatus(current.status);
      if (status === 'open') throw error;
      return { outcome: 'not-open', status };
    }
  }

  async previewPriceChange(
    account: ProviderAccount,
    change: { subscriptionId: string; newPriceId: string; prorationDate: number },
  ): Promise<{ currency: string; amountDueNow: bigint }> {
    const { item } = await this.subscriptionWithItem(account, change.subscriptionId);
    const preview = await this.call(account, (s) =>
      s.invoices.createPreview({
        subscription: change.subscriptionId,
        subscription_details: {
          items: [{ id: item.id, price: change.newPriceId }],
          proration_behavior: 'always_invoice',
          proration_date: change.prorationDate,
        },
      }),
    );
    return {
      currency: preview.currency.toUpperCase(),
      amountDueNow: fromProviderNumber(Math.max(0, preview.amount_due)),
    };
  }

  async changePrice(
    account: ProviderAccount,
    idempotencyKey: string,
    change: { subscriptionId: string; newPriceId: string; prorationDate: number },
  ): Promise<void> {
    const { subscription, item } = await this.subscriptionWithItem(account, change.subscriptionId);
    const scheduleId = idOf(subscription.schedule);
    if (scheduleId) await this.cancelScheduledPriceChange(account, `${idempotencyKey}:release`, scheduleId);
    await this.call(account, (s) =>
      s.subscriptions.update(
        change.subscriptionId,
        {
          items: [{ id: item.id, price: change.newPriceId }],
          proration_behavior: 'always_invoice',
          proration_date: change.prorationDate,
        },
        { idempotencyKey },
      ),
    );
  }

  /**
   * A subscription schedule (made from the subscription unless one already manages it) whose
   * current phase keeps the current price until the period ends, then a phase at the new price,
   * after which the schedule releases the subscription. Tax rates are repeated on both phases so
   * the phase change keeps them.
   */
  async schedulePriceChange(
    account: ProviderAccount,
    idempotencyKey: string,
    change: { subscriptionId: string; newPriceId: string },
  ): Promise<void> {
    const { subscription, item } = await this.subscriptionWithItem(account, change.subscriptionId, ['schedule']);
    const schedule =
      subscription.schedule && typeof subscription.schedule !== 'string'
        ? subscription.schedule
        : await this.call(account, (s) =>
            s.subscriptionSchedules.create(
              { from_subscription: change.subscriptionId },
              { idempotencyKey: `${idempotencyKey}:schedule` },
            ),
          );
    const taxRateIds = (subscription.default_tax_rates ?? []).map((rate) => rate.id);
    const defaultTaxRates = taxRateIds.length > 0 ? taxRateIds : undefined;
    const quantity = item.quantity ?? 1;
    await this.call(account, (s) =>
      s.subscriptionSchedules.update(
        schedule.id,
        {
          end_behavior: 'release',
          phases: [
            {
              start_date: schedule.current_phase?.start_date ?? item.current_period_start,
              end_date: item.current_period_end,
              items: [{ price: item.price.id, quantity }],
              default_tax_rates: defaultTaxRates,
              proration_behavior: 'none',
            },
            {
              items: [{ price: change.newPriceId, quantity }],
              default_tax_rates: defaultTaxRates,
              proration_behavior: 'none',
            },
          ],
        },
        { idempotencyKey: `${idempotencyKey}:phases` },
      ),
    );
  }

  async cancelScheduledPriceChange(
    account: ProviderAccount,
    idempotencyKey: string,
    scheduleId: string,
  ): Promise<void> {
    await this.call(account, (s) => s.subscriptionSchedules.release(scheduleId, {}, { idempotencyKey }));
  }

  private async subscriptionWithItem(
    account: ProviderAccount,
    subscriptionId: string,
    expand: string[] = [],
  ): Promise<{ subscription: Stripe.Subscription; item: Stripe.SubscriptionItem }> {
    const subscription = await this.call(account, (s) =>
      s.subscriptions.retrieve(subscriptionId, expand.length > 0 ? { expand } : undefined),
    );
    const item = subscription.items.data[0];
    if (!item) throw new Error(`subscription ${subscriptionId} has no items`);
    return { subscription, item };
  }

  async endAfterFailedPayments(
    account: ProviderAccount,
    idempotencyKey: string,
    subscriptionId: string,
    action: 'cancel' | 'pause',
  ): Promise<void> {
    if (action === 'cancel') {
      await this.call(account, (s) =>
        s.subscriptions.cancel(subscriptionId, { invoice_now: false, prorate: false }, { idempotencyKey }),
      );
    } else {
      await this.call(account, (s) => s.subscriptions.pause(subscriptionId, {}, { idempotencyKey }));
    }
  }

  async listSubscriptionsPage(account: ProviderAccount, page: PageRequest): Promise<ProviderPage> {
    const list = await this.call(account, (s) =>
      s.subscriptions.list({ status: 'all', limit: page.limit, starting_after: page.after ?? undefined }),
    );
    return pageOf(
      list.data.map((subscription) => subscription.id),
      list.has_more,
    );
  }

  async listPaidInvoicesPage(account: ProviderAccount, since: Date, page: PageRequest): Promise<ProviderPage> {
    const created = { gte: Math.floor(since.getTime() / 1000) };
    const list = await this.call(account, (s) =>
      s.invoices.list({ status: 'paid', created, limit: page.limit, starting_after: page.after ?? undefined }),
    );
    return pageOf(
      list.data.flatMap((invoice) => (invoice.id ? [invoice.id] : [])),
      list.has_more,
    );
  }

  async listBalanceTransactionsPage(
    account: ProviderAccount,
    range: ActivityRange,
    page: PageRequest,
  ): Promise<ProviderListing<ProviderBalanceTransaction>> {
    const list = await this.call(account, (s) =>
      s.balanceTransactions.list({
        created: createdWithin(range),
        limit: page.limit,
        starting_after: page.after ?? undefined,
      }),
    );
    const items = list.data.map((txn): ProviderBalanceTransaction => ({
      id: txn.id,
      createdAt: fromUnix(txn.created),
      availableOn: fromUnix(txn.available_on),
      currency: txn.currency.toUpperCase(),
      amount: fromProviderNumber(txn.amount),
      fee: fromProviderNumber(txn.fee),
      net: fromProviderNumber(txn.net),
      reportingCategory: txn.reporting_category,
      type: txn.type,
      sourceId: idOf(txn.source),
      description: txn.description ?? null,
    }));
    return { items, next: list.has_more ? (items.at(-1)?.id ?? null) : null };
  }

  async listPayoutsPage(
    account: ProviderAccount,
    range: ActivityRange,
    page: PageRequest,
  ): Promise<ProviderListing<ProviderPayout>> {
    const list = await this.call(account, (s) =>
      s.payouts.list({ created: createdWithin(range), limit: page.limit, starting_after: page.after ?? undefined }),
    );
    const items = list.data.map((payout): ProviderPayout => ({
      id: payout.id,
      createdAt: fromUnix(payout.created),
      arrivalDate: fromUnix(payout.arrival_date),
      currency: payout.currency.toUpperCase(),
      amount: fromProviderNumber(payout.amount),
      status: payout.status,
      statementDescriptor: payout.statement_descriptor ?? null,
      balanceTransactionId: idOf(payout.balance_transaction),
    }));
    return { items, next: list.has_more ? (items.at(-1)?.id ?? null) : null };
  }

  async createTaxRate(
    account: ProviderAccount,
    idempotencyKey: string,
    rate: { displayName: string; percentage: string; inclusive: boolean; country: string },
  ): Promise<string> {
    const created = await this.call(account, (s) =>
      s.taxRates.create(
        {
          display_name: rate.displayName,
          percentage: Number(rate.percentage),
          inclusive: rate.inclusive,
          country: rate.country,
          tax_type: 'vat',
          metadata: { tenant_id: account.tenantId },
        },
        { idempotencyKey },
      ),
    );
    return created.id;
  }

  async setSubscriptionTaxRates(
    account: ProviderAccount,
    idempotencyKey: string,
    subscriptionId: string,
    taxRateIds: string[],
  ): Promise<void> {
    await this.call(account, (s) =>
      s.subscriptions.update(
        subscriptionId,
        { default_tax_rates: taxRateIds.length > 0 ? taxRateIds : '' },
        { idempotencyKey },
      ),
    );
  }

  async createCoupon(account: ProviderAccount, idempotencyKey: string, coupon: NewCoupon): Promise<ProviderCoupon> {
    const created = await this.call(account, (s) =>
      s.coupons.create(
        {
          name: coupon.name,
          percent_off: coupon.percentOff ?? undefined,
          amount_off: coupon.amountOff !== null ? toSafeNumber(coupon.amountOff) : undefined,
          currency: coupon.currency?.toLowerCase() ?? undefined,
          duration: coupon.duration,
          duration_in_months: coupon.durationInMonths ?? undefined,
          max_redemptions: coupon.maxRedemptions ?? undefined,
          redeem_by: coupon.redeemBy ? Math.floor(coupon.redeemBy.getTime() / 1000) : undefined,
          metadata: { tenant_id: account.tenantId },
        },
        { idempotencyKey },
      ),
    );
    if (coupon.code) {
      const code = coupon.code;
      await this.call(account, (s) =>
        s.promotionCodes.create(
          { promotion: { type: 'coupon', coupon: created.id }, code },
          { idempotencyKey: `${idempotencyKey}:code` },
        ),
      );
    }
    return { ...toCoupon(created), codes: coupon.code ? [coupon.code] : [] };
  }

  async listCoupons(account: ProviderAccount): Promise<ProviderCoupon[]> {
    const coupons: ProviderCoupon[] = [];
    for await (const coupon of this.client(account).coupons.list({ limit: 100 })) coupons.push(toCoupon(coupon));
    for await (const code of this.client(account).promotionCodes.list({ limit: 100 })) {
      const couponId = idOf(code.promotion.coupon ?? null);
      coupons.find((c) => c.id === couponId)?.codes.push(code.code);
    }
    return coupons;
  }

  private async promotionCodeIdOf(account: ProviderAccount, code: string): Promise<string> {
    const found = await this.call(account, (s) => s.promotionCodes.list({ code, active: true, limit: 1 }));
    if (!found.data[0]) throw new UnknownPromotionCodeError(`no active promotion code ${code}`);
    return found.data[0].id;
  }

  async listRefunds(account: ProviderAccount, chargeId: string): Promise<ProviderRefund[]> {
    const refunds: ProviderRefund[] = [];
    for await (const refund of this.client(account).refunds.list({ charge: chargeId, limit: 100 })) {
      if (refund.status !== 'succeeded' && refund.status !== 'pending') continue;
      refunds.push({
        id: refund.id,
        chargeId,
        currency: refund.currency.toUpperCase(),
        amount: fromProviderNumber(refund.amount),
        balanceTransactionId: idOf(refund.balance_transaction),
        createdAt: fromUnix(refund.created),
      });
    }
    return refunds;
  }

  async retrieveDispute(account: ProviderAccount, disputeId: string): Promise<ProviderDispute> {
    const dispute = await this.call(account, (s) => s.disputes.retrieve(disputeId));
    const fee = dispute.balance_transactions.reduce(
      (sum, t) => (t.amount < 0 ? sum + fromProviderNumber(t.fee) : sum),
      0n,
    );
    return {
      id: dispute.id,
      chargeId: idOf(dispute.charge)!,
      currency: dispute.currency.toUpperCase(),
      amount: fromProviderNumber(dispute.amount),
      fee,
      status: dispute.status === 'won' ? 'won' : dispute.status === 'lost' ? 'lost' : 'open',
      createdAt: fromUnix(dispute.created),
    };
  }

  /** An invoice payment names either its charge or its payment intent (whose latest charge it is). */
  private async chargeOf(account: ProviderAccount, payment: Stripe.InvoicePayment.Payment): Promise<string | null> {
    if (payment.charge) return idOf(payment.charge);
    const intentId = idOf(payment.payment_intent ?? null);
    if (!intentId) return null;
    const intent = await this.call(account, (s) => s.paymentIntents.retrieve(intentId));
    return idOf(intent.latest_charge);
  }

  parseWebhook(
    account: ProviderAccount,
    payload: string,
    signature: string,
    toleranceSeconds: number,
  ): ParsedProviderNotification {
    let event: Stripe.Event;
    try {
      event = this.client(account).webhooks.constructEvent(payload, signature, account.webhookSecret, toleranceSeconds);
    } catch (error) {
      throw new InvalidWebhookError((error as Error).message);
    }
    const base = {
      providerNotificationId: event.id,
      occurredAt: fromUnix(event.created).toISOString(),
      type: event.type,
    };
    switch (event.type) {
      case 'checkout.session.async_payment_succeeded':
        return event.data.object.mode === 'payment'
          ? { ...base, kind: 'one-off-checkout-completed', checkoutId: event.data.object.id }
          : { ...base, kind: 'ignored' };
      case 'checkout.session.completed': {
        const session = event.data.object;
        if (session.mode === 'payment') return { ...base, kind: 'one-off-checkout-completed', checkoutId: session.id };
        return {
          ...base,
          kind: 'checkout-completed',
          checkoutId: session.id,
          customerId: idOf(session.customer),
          subscriptionId: idOf(session.subscription),
          reference: session.metadata?.reference || null,
          readerKey: session.metadata?.reader_key || session.client_reference_id || null,
        };
      }
      case 'customer.subscription.created':
      case 'customer.subscription.updated':
      case 'customer.subscription.deleted':
      case 'customer.subscription.paused':
      case 'customer.subscription.resumed':
        return { ...base, kind: 'subscription-changed', subscriptionId: event.data.object.id };
      // A schedule's change is a change of the subscription it manages (or managed, once released),
      // which the sync re-reads. `subscription_schedule.expiring` (a reminder) changes nothing: ignored below.
      case 'subscription_schedule.created':
      case 'subscription_schedule.updated':
      case 'subscription_schedule.released':
      case 'subscription_schedule.canceled':
      case 'subscription_schedule.completed':
      case 'subscription_schedule.aborted': {
        const schedule = event.data.object;
        const subscriptionId = idOf(schedule.subscription) ?? schedule.released_subscription;
        return subscriptionId
          ? { ...base, kind: 'subscription-changed', subscriptionId }
          : { ...base, kind: 'ignored' };
      }
      case 'invoice.paid':
        return { ...base, kind: 'invoice-paid', invoiceId: event.data.object.id! };
      case 'invoice.finalized':
      case 'invoice.voided':
      case 'invoice.marked_uncollectible':
        return { ...base, kind: 'invoice-changed', invoiceId: event.data.object.id! };
      case 'invoice.payment_failed': {
        const invoice = event.data.object;
        return {
          ...base,
          kind: 'invoice-payment-failed',
          invoiceId: invoice.id!,
          subscriptionId: idOf(invoice.parent?.subscription_details?.subscription ?? null),
          attemptCount: invoice.attempt_count,
          firstInvoice: invoice.billing_reason === 'subscription_create',
        };
      }
      case 'charge.refunded':
        return { ...base, kind: 'charge-refunded', chargeId: event.data.object.id };
      case 'charge.dispute.created':
      case 'charge.dispute.closed':
        return { ...base, kind: 'dispute-changed', disputeId: event.data.object.id };
      case 'customer.updated':
        return {
          ...base,
          kind: 'customer-updated',
          customerId: event.data.object.id,
          email: event.data.object.email ?? null,
        };
      default:
        return { ...base, kind: 'ignored' };
    }
  }

  /** Paced, and retried with backoff when Stripe still answers 429. */
  private async call<T>(account: ProviderAccount, request: (stripe: Stripe) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      await this.pacer.wait(account.secretKey);
      try {
        return await request(this.client(account));
      } catch (error) {
        if (!(error instanceof Stripe.errors.StripeRateLimitError) || attempt >= RATE_LIMIT_RETRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt + Math.random() * 100));
      }
    }
  }

  private client(account: ProviderAccount): Stripe {
    let client = this.clients.get(account.secretKey);
    if (!client) {
      client = new Stripe(account.secretKey, {
        maxNetworkRetries: 2,
        timeout: 20_000,
        ...(this.apiUrl
          ? {
              host: this.apiUrl.hostname,
              port: Number(this.apiUrl.port || (this.apiUrl.protocol === 'https:' ? 443 : 80)),
              protocol: this.apiUrl.protocol.replace(':', '') as 'http' | 'https',
            }
          : {}),
      });
      this.clients.set(account.secretKey, client);
    }
    return client;
  }
}

const STATUSES: readonly ProviderSubscription['status'][] = [
  'incomplete',
  'incomplete_expired',
  'trialing',
  'active',
  'past_due',
  'unpaid',
  'paused',
  'canceled',
];

function knownStatus(status: string): ProviderSubscription['status'] {
  if (!(STATUSES as readonly string[]).includes(status)) throw new Error(`unknown subscription status ${status}`);
  return status as ProviderSubscription['status'];
}

function toCoupon(coupon: Stripe.Coupon): ProviderCoupon {
  return {
    id: coupon.id,
    name: coupon.name ?? coupon.id,
    percentOff: coupon.percent_off ?? null,
    amountOff:
      coupon.amount_off !== null && coupon.amount_off !== undefined ? fromProviderNumber(coupon.amount_off) : null,
    currency: coupon.currency?.toUpperCase() ?? null,
    duration: coupon.duration as ProviderCoupon['duration'],
    durationInMonths: coupon.duration_in_months ?? null,
    maxRedemptions: coupon.max_redemptions ?? null,
    timesRedeemed: coupon.times_redeemed,
    redeemBy: coupon.redeem_by ? fromUnix(coupon.redeem_by) : null,
    valid: coupon.valid,
    codes: [],
  };
}

/**
 * The change an active schedule will make when its current phase ends: the next phase's price,
 * when it differs from the price the subscription has now.
 */
function scheduledPriceChangeOf(
  schedule: string | Stripe.SubscriptionSchedule | null,
  currentPriceId: string,
): ScheduledPriceChange | null {
  if (!schedule || typeof schedule === 'string' || schedule.status !== 'active' || !schedule.current_phase) return null;
  const currentEnd = schedule.current_phase.end_date;
  const next = schedule.phases.find((phase) => phase.start_date === currentEnd);
  const priceId = idOf(next?.items[0]?.price);
  if (!next || !priceId || priceId === currentPriceId) return null;
  return { scheduleId: schedule.id, priceId, effectiveAt: fromUnix(next.start_date) };
}

const INVOICE_STATUSES: readonly ProviderInvoice['status'][] = ['draft', 'open', 'paid', 'void', 'uncollectible'];

function knownInvoiceStatus(status: string | null): ProviderInvoice['status'] {
  const known = status ?? 'draft';
  if (!(INVOICE_STATUSES as readonly string[]).includes(known)) throw new Error(`unknown invoice status ${known}`);
  return known as ProviderInvoice['status'];
}

function unixOrNull(seconds: number | null | undefined): Date | null {
  return seconds ? fromUnix(seconds) : null;
}

/** Stripe says only whether more follow; the cursor is the last object of the page. */
function pageOf(ids: string[], hasMore: boolean): ProviderPage {
  return { ids, next: hasMore ? (ids.at(-1) ?? null) : null, total: null };
}

/** Stripe's `created` filter: whole seconds, from inclusive, to exclusive. */
function createdWithin(range: ActivityRange): { gte: number; lt: number } {
  return { gte: Math.ceil(range.createdFrom.getTime() / 1000), lt: Math.ceil(range.createdTo.getTime() / 1000) };
}

function fromUnix(seconds: number): Date {
  return new Date(seconds * 1000);
}

function idOf(ref: string | { id: string } | null | undefined): string | null {
  if (!ref) return null;
  return typeof ref === 'string' ? ref : ref.id;
}
