import Stripe from 'stripe';
import { unixNow } from '../billing-calendar';
import { buildCustomer } from '../objects/customer';
import { buildSubscription, buildSubscriptionItem } from '../objects/subscription';
import { WireCheckoutSession } from '../objects/wire-types';
import { StripeAccount } from '../stripe-account';
import { StripeApiError } from '../stripe-api-error';
import { newStripeId, randomToken } from '../stripe-ids';
import { completePaymentCheckout } from './complete-payment-checkout';
import { collectInvoice, draftSubscriptionInvoice, finalizeInvoice } from './invoice-collection';
import { periodLine } from './invoice-lines';
import { redeemDiscount } from './redeem-discount';
import { periodFrom } from './subscription-periods';

export interface CheckoutCompletion {
  paymentSucceeds?: boolean;
  /** Payment mode only: a payment method that settles later (see `settleDelayedPayment`). */
  delayedPayment?: boolean;
  /** The email typed on the payment page when the session had neither customer nor email. */
  email?: string;
  name?: string;
}

/**
 * What happens when the buyer pays on the hosted page. In payment mode, see
 * `completePaymentCheckout`. In subscription mode: the customer (made if needed), the
 * subscription (trialing with trial days, else active; incomplete if the first payment fails)
 * and its first invoice. Events: [customer.created], checkout.session.completed,
 * customer.subscription.created, invoice.created, invoice.finalized, then charge.succeeded,
 * invoice.paid, invoice.payment_succeeded, or charge.failed, invoice.payment_failed.
 */
export function completeCheckout(
  account: StripeAccount,
  sessionId: string,
  options: CheckoutCompletion,
  request: Stripe.Event.Request,
): WireCheckoutSession {
  const session = account.get('checkout.session', sessionId);
  if (session.status !== 'open')
    throw StripeApiError.invalidState(
      `Checkout Session ${sessionId} is ${session.status}; only an open session can be completed.`,
    );
  if (session.mode === 'payment') return completePaymentCheckout(account, session, options, request);
  const checkout = account.checkoutRequests.get(session.id)!;
  const succeeds = options.paymentSucceeds ?? true;
  const now = unixNow();

  let customer = session.customer ? account.get('customer', session.customer as string) : undefined;
  if (!customer) {
    customer = account.insert(
      buildCustomer({
        id: newStripeId('cus_'),
        created: now,
        email: options.email ?? session.customer_email ?? `buyer-${randomToken(8).toLowerCase()}@example.com`,
        name: options.name ?? null,
        phone: null,
        description: null,
        metadata: {},
        preferredLocales: [],
      }),
    );
    account.emit('customer.created', customer, request);
  }

  const subscriptionId = newStripeId('sub_');
  const invoiceId = newStripeId('in_');
  const trialEnd = checkout.trialPeriodDays ? now + checkout.trialPeriodDays * 86_400 : null;
  const items = checkout.lineItems.map((line) => {
    const price = account.get('price', line.price!.id);
    const item = buildSubscriptionItem({
      id: newStripeId('si_'),
      subscription: subscriptionId,
      created: now,
      price,
      quantity: line.quantity ?? 1,
      periodStart: now,
      periodEnd: now,
    });
    item.current_period_end = trialEnd ?? periodFrom(item, now, now).end;
    return item;
  });
  const discounts = (session.discounts ?? []).map((entry) =>
    redeemDiscount(
      account,
      {
        coupon: typeof entry.coupon === 'string' ? entry.coupon : (entry.coupon?.id ?? null),
        promotionCode:
          typeof entry.promotion_code === 'string' ? entry.promotion_code : (entry.promotion_code?.id ?? null),
      },
      { customer: customer.id, subscription: subscriptionId, checkoutSession: session.id },
      now,
    ),
  );
  const owesNothing = trialEnd !== null || session.amount_total === 0;
  const subscription = account.insert(
    buildSubscription({
      id: subscriptionId,
      created: now,
      customer: customer.id,
      currency: session.currency ?? items[0].price.currency,
      items,
      status: trialEnd ? 'trialing' : succeeds || owesNothing ? 'active' : 'incomplete',
      trialStart: trialEnd ? now : null,
      trialEnd,
      billingCycleAnchor: trialEnd ?? now,
      discounts: discounts.map((discount) => discount.id),
      defaultTaxRates: checkout.defaultTaxRates.map((id) => account.get('tax_rate', id)),
      metadata: checkout.subscriptionMetadata,
      defaultPaymentMethod: newStripeId('pm_'),
      latestInvoice: invoiceId,
    }),
  );

  session.status = 'complete';
  session.payment_status = owesNothing ? 'no_payment_required' : succeeds ? 'paid' : 'unpaid';
  session.customer = customer.id;
  session.customer_details = {
    address: null,
    business_name: null,
    email: customer.email,
    individual_name: null,
    name: customer.name ?? null,
    phone: null,
    tax_exempt: 'none',
    tax_ids: [],
  };
  session.subscription = subscription.id;
  session.url = null;
  account.emit('checkout.session.completed', session, request);
  account.emit('customer.subscription.created', subscription, request);

  const invoice = draftSubscriptionInvoice(
    account,
    {
      id: invoiceId,
      subscription,
      billingReason: 'subscription_create',
      lines: items.map((item) =>
        periodLine(
          account,
          subscription,
          item,
          { start: item.current_period_start, end: item.current_period_end },
          invoiceId,
          trialEnd !== null,
        ),
      ),
      period: { start: now, end: now },
    },
    request,
  );
  finalizeInvoice(account, invoice, request);
  collectInvoice(account, invoice, succeeds, request);
  return session;
}
