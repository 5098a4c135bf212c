import { Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import { fromProviderNumber } from '@libs/common';
import type { PageRequest } from '../page-request';
import type { ProviderAccount } from '../provider-account';
import {
  InvoicePaymentAttempt,
  ProviderBilling,
  ProviderInvoice,
  ProviderPage,
  ProviderSubscription,
  ScheduledPriceChange,
} from '../provider-billing';
import { StripeClient } from './stripe-client';
import { fromUnix, idOf, unixOrNull } from './stripe-conversions';

/** Subscriptions, subscription schedules and invoices at Stripe. */
@Injectable()
export class StripeBilling extends ProviderBilling {
  constructor(private readonly stripe: StripeClient) {
    super();
  }

  async retrieveSubscription(account: ProviderAccount, subscriptionId: string): Promise<ProviderSubscription> {
    const subscription = await this.stripe.call(account, (s) =>
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

  async previewPriceChange(
    account: ProviderAccount,
    change: { subscriptionId: string; newPriceId: string; prorationDate: number },
  ): Promise<{ currency: string; amountDueNow: bigint }> {
    const { item } = await this.subscriptionWithItem(account, change.subscriptionId);
    const preview = await this.stripe.call(account, (s) =>
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
    await this.stripe.call(account, (s) =>
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
        : await this.stripe.call(account, (s) =>
            s.subscriptionSchedules.create(
              { from_subscription: change.subscriptionId },
              { idempotencyKey: `${idempotencyKey}:schedule` },
            ),
          );
    const taxRateIds = (subscription.default_tax_rates ?? []).map((rate) => rate.id);
    const defaultTaxRates = taxRateIds.length > 0 ? taxRateIds : undefined;
    const quantity = item.quantity ?? 1;
    await this.stripe.call(account, (s) =>
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
    await this.stripe.call(account, (s) => s.subscriptionSchedules.release(scheduleId, {}, { idempotencyKey }));
  }

  private async subscriptionWithItem(
    account: ProviderAccount,
    subscriptionId: string,
    expand: string[] = [],
  ): Promise<{ subscription: Stripe.Subscription; item: Stripe.SubscriptionItem }> {
    const subscription = await this.stripe.call(account, (s) =>
      s.subscriptions.retrieve(subscriptionId, expand.length > 0 ? { expand } : undefined),
    );
    const item = subscription.items.data[0];
    if (!item) throw new Error(`subscription ${subscriptionId} has no items`);
    return { subscription, item };
  }

  async setSubscriptionTaxRates(
    account: ProviderAccount,
    idempotencyKey: string,
    subscriptionId: string,
    taxRateIds: string[],
  ): Promise<void> {
    await this.stripe.call(account, (s) =>
      s.subscriptions.update(
        subscriptionId,
        { default_tax_rates: taxRateIds.length > 0 ? taxRateIds : '' },
        { idempotencyKey },
      ),
    );
  }

  async cancelSubscription(
    account: ProviderAccount,
    idempotencyKey: string,
    subscriptionId: string,
    atPeriodEnd: boolean,
  ): Promise<void> {
    await this.stripe.call(account, (s) =>
      atPeriodEnd
        ? s.subscriptions.update(subscriptionId, { cancel_at_period_end: true }, { idempotencyKey })
        : s.subscriptions.cancel(subscriptionId, { invoice_now: false, prorate: false }, { idempotencyKey }),
    );
  }

  async resumeSubscription(account: ProviderAccount, idempotencyKey: string, subscriptionId: string): Promise<void> {
    await this.stripe.call(account, (s) =>
      s.subscriptions.update(subscriptionId, { cancel_at_period_end: false }, { idempotencyKey }),
    );
  }

  async endAfterFailedPayments(
    account: ProviderAccount,
    idempotencyKey: string,
    subscriptionId: string,
    action: 'cancel' | 'pause',
  ): Promise<void> {
    if (action === 'cancel') {
      await this.stripe.call(account, (s) =>
        s.subscriptions.cancel(subscriptionId, { invoice_now: false, prorate: false }, { idempotencyKey }),
      );
    } else {
      await this.stripe.call(account, (s) => s.subscriptions.pause(subscriptionId, {}, { idempotencyKey }));
    }
  }

  async listSubscriptionsPage(account: ProviderAccount, page: PageRequest): Promise<ProviderPage> {
    const list = await this.stripe.call(account, (s) =>
      s.subscriptions.list({ status: 'all', limit: page.limit, starting_after: page.after ?? undefined }),
    );
    return pageOf(
      list.data.map((subscription) => subscription.id),
      list.has_more,
    );
  }

  async retrieveInvoice(account: ProviderAccount, invoiceId: string): Promise<ProviderInvoice> {
    const invoice = await this.stripe.call(account, (s) => s.invoices.retrieve(invoiceId, { expand: ['payments'] }));
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
      const charge = await this.stripe.call(account, (s) =>
        s.charges.retrieve(chargeId, { expand: ['balance_transaction'] }),
      );
      const txn = charge.balance_transaction;
      if (txn && typeof txn !== 'string') {
        balanceTransactionId = txn.id;
        fee = fromProviderNumber(txn.fee);
      } else if (typeof txn === 'string') {
        const full = await this.stripe.call(account, (s) => s.balanceTransactions.retrieve(txn));
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

  /** An invoice payment names either its charge or its payment intent (whose latest charge it is). */
  private async chargeOf(account: ProviderAccount, payment: Stripe.InvoicePayment.Payment): Promise<string | null> {
    if (payment.charge) return idOf(payment.charge);
    const intentId = idOf(payment.payment_intent ?? null);
    if (!intentId) return null;
    const intent = await this.stripe.call(account, (s) => s.paymentIntents.retrieve(intentId));
    return idOf(intent.latest_charge);
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
      const invoice = await this.stripe.call(account, (s) => s.invoices.pay(invoiceId, {}, { idempotencyKey }));
      return invoice.status === 'paid'
        ? { outcome: 'paid' }
        : { outcome: 'not-open', status: knownInvoiceStatus(invoice.status) };
    } catch (error) {
      if (error instanceof Stripe.errors.StripeCardError) {
        const codes = [error.code, error.decline_code].filter(Boolean).join('/');
        return { outcome: 'declined', reason: codes ? `${codes}: ${error.message}` : error.message };
      }
      if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
      const current = await this.stripe.call(account, (s) => s.invoices.retrieve(invoiceId));
      const status = knownInvoiceStatus(current.status);
      if (status === 'open') throw error;
      return { outcome: 'not-open', status };
    }
  }

  async listPaidInvoicesPage(account: ProviderAccount, since: Date, page: PageRequest): Promise<ProviderPage> {
    const created = { gte: Math.floor(since.getTime() / 1000) };
    const list = await this.stripe.call(account, (s) =>
      s.invoices.list({ status: 'paid', created, limit: page.limit, starting_after: page.after ?? undefined }),
    );
    return pageOf(
      list.data.flatMap((invoice) => (invoice.id ? [invoice.id] : [])),
      list.has_more,
    );
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

/** Stripe says only whether more follow; the cursor is the last object of the page. */
function pageOf(ids: string[], hasMore: boolean): ProviderPage {
  return { ids, next: hasMore ? (ids.at(-1) ?? null) : null, total: null };
}
