import Stripe from 'stripe';
import { unixNow } from '../billing-calendar';
import { ChargeInput } from '../objects/charge';
import { buildCustomer } from '../objects/customer';
import { buildPaymentIntent } from '../objects/payment-intent';
import { WireCheckoutSession } from '../objects/wire-types';
import { StripeAccount } from '../stripe-account';
import { StripeApiError } from '../stripe-api-error';
import { newStripeId, randomToken } from '../stripe-ids';
import { chargePaymentIntent } from './card-payments';

export interface PaymentCompletion {
  paymentSucceeds?: boolean;
  /** A payment method that settles later (a bank debit): the session completes unpaid until `settleDelayedPayment`. */
  delayedPayment?: boolean;
  email?: string;
  name?: string;
}

/**
 * The buyer pays a `mode: 'payment'` session's total through a payment intent made now
 * (`payment_intent.created`). By card: `charge.succeeded`, `payment_intent.succeeded`,
 * `checkout.session.completed` with `payment_status: 'paid'`; declined: `charge.failed`,
 * `payment_intent.payment_failed`, and the session stays open for another try. By a delayed
 * method: `payment_intent.processing`, `checkout.session.completed` with `payment_status:
 * 'unpaid'`, and the money moves at `settleDelayedPayment`.
 */
export function completePaymentCheckout(
  account: StripeAccount,
  session: WireCheckoutSession,
  options: PaymentCompletion,
  request: Stripe.Event.Request,
): WireCheckoutSession {
  const checkout = account.checkoutRequests.get(session.id)!;
  const payer = payerOf(account, session, options, request);
  let intent = session.payment_intent ? account.get('payment_intent', session.payment_intent as string) : undefined;
  if (!intent) {
    intent = account.insert(
      buildPaymentIntent({
        id: newStripeId('pi_'),
        created: unixNow(),
        amount: session.amount_total ?? 0,
        currency: session.currency ?? 'usd',
        customer: payer.customer,
        paymentMethod: options.delayedPayment ? newStripeId('pm_') : 'pm_card_visa',
        description: checkout.paymentIntent?.description ?? null,
        metadata: checkout.paymentIntent?.metadata ?? {},
        setupFutureUsage: null,
      }),
    );
    session.payment_intent = intent.id;
    account.emit('payment_intent.created', intent, request);
  }
  if (options.delayedPayment) {
    intent.status = 'processing';
    account.emit('payment_intent.processing', intent, request);
    completeSession(session, payer, 'unpaid');
    account.emit('checkout.session.completed', session, request);
    return session;
  }
  const succeeds = options.paymentSucceeds ?? true;
  const charge = chargePaymentIntent(account, intent, intent.amount, succeeds, payer);
  if (!succeeds) {
    account.emit('charge.failed', charge, request);
    account.emit('payment_intent.payment_failed', intent, request);
    return session;
  }
  account.emit('charge.succeeded', charge, request);
  account.emit('payment_intent.succeeded', intent, request);
  completeSession(session, payer, 'paid');
  account.emit('checkout.session.completed', session, request);
  return session;
}

/**
 * The delayed payment of a completed payment-mode session settles: `charge.succeeded`,
 * `payment_intent.succeeded`, `checkout.session.async_payment_succeeded` (now paid), or
 * `charge.failed`, `payment_intent.payment_failed`, `checkout.session.async_payment_failed`.
 */
export function settleDelayedPayment(
  account: StripeAccount,
  sessionId: string,
  succeeds: boolean,
  request: Stripe.Event.Request,
): WireCheckoutSession {
  const session = account.get('checkout.session', sessionId);
  if (
    session.mode !== 'payment' ||
    session.status !== 'complete' ||
    session.payment_status !== 'unpaid' ||
    !session.payment_intent
  ) {
    throw StripeApiError.invalidState(`Checkout Session ${sessionId} has no delayed payment waiting to settle.`);
  }
  const intent = account.get('payment_intent', session.payment_intent as string);
  if (intent.status !== 'processing')
    throw StripeApiError.invalidState(
      `The payment of Checkout Session ${sessionId} has already settled (${intent.status}).`,
    );
  const payer = {
    customer: (session.customer as string | null) ?? null,
    email: session.customer_details?.email ?? null,
    name: session.customer_details?.name ?? null,
  };
  const charge = chargePaymentIntent(account, intent, intent.amount, succeeds, payer);
  if (succeeds) {
    account.emit('charge.succeeded', charge, request);
    account.emit('payment_intent.succeeded', intent, request);
    session.payment_status = 'paid';
    account.emit('checkout.session.async_payment_succeeded', session, request);
  } else {
    account.emit('charge.failed', charge, request);
    account.emit('payment_intent.payment_failed', intent, request);
    account.emit('checkout.session.async_payment_failed', session, request);
  }
  return session;
}

/** The session's customer, one made now (`customer_creation: 'always'`), or only what the buyer typed. */
function payerOf(
  account: StripeAccount,
  session: WireCheckoutSession,
  options: PaymentCompletion,
  request: Stripe.Event.Request,
): ChargeInput['payer'] {
  if (session.customer) {
    const customer = account.get('customer', session.customer as string);
    return { customer: customer.id, email: customer.email, name: customer.name ?? null };
  }
  const email = options.email ?? session.customer_email ?? `buyer-${randomToken(8).toLowerCase()}@example.com`;
  if (session.customer_creation !== 'always') return { customer: null, email, name: options.name ?? null };
  const customer = account.insert(
    buildCustomer({
      id: newStripeId('cus_'),
      created: unixNow(),
      email,
      name: options.name ?? null,
      phone: null,
      description: null,
      metadata: {},
      preferredLocales: [],
    }),
  );
  account.emit('customer.created', customer, request);
  return { customer: customer.id, email, name: customer.name ?? null };
}

function completeSession(
  session: WireCheckoutSession,
  payer: ChargeInput['payer'],
  paymentStatus: Stripe.Checkout.Session.PaymentStatus,
): void {
  session.status = 'complete';
  session.payment_status = paymentStatus;
  session.customer = payer.customer;
  session.customer_details = {
    address: null,
    business_name: null,
    email: payer.email,
    individual_name: null,
    name: payer.name,
    phone: null,
    tax_exempt: 'none',
    tax_ids: [],
  };
  session.url = null;
}
