import Stripe from 'stripe';
import { unixNow } from '../billing-calendar';
import { buildBalanceTransaction } from '../objects/balance-transaction';
import { buildCharge, ChargeInput } from '../objects/charge';
import { buildInvoicePayment } from '../objects/invoice-payment';
import { buildPaymentIntent } from '../objects/payment-intent';
import { WireInvoice } from '../objects/wire-types';
import { StripeAccount } from '../stripe-account';
import { newStripeId } from '../stripe-ids';
import { processingFee } from '../stripe-money';

export interface CardAttempt {
  charge: Stripe.Charge;
  paymentIntent: Stripe.PaymentIntent;
  invoicePayment: Stripe.InvoicePayment;
}

const BILLING_REASON_WORDS: Record<string, string> = {
  subscription_create: 'Subscription creation',
  subscription_cycle: 'Subscription cycle',
  subscription_update: 'Subscription update',
};

/** The card an invoice is charged to: its subscription's default payment method, else a working test card. */
export function paymentMethodOf(account: StripeAccount, invoice: WireInvoice): string {
  const subscriptionId = invoice.parent?.subscription_details?.subscription;
  const subscription = subscriptionId
    ? account.find('subscription', typeof subscriptionId === 'string' ? subscriptionId : subscriptionId.id)
    : undefined;
  return (subscription?.default_payment_method as string | null | undefined) ?? 'pm_card_visa';
}

/** Whether charging the invoice's card now is declined: it is when its last charge was, until it pays or is replaced. */
export function cardDeclines(account: StripeAccount, invoice: WireInvoice): boolean {
  return account.decliningPaymentMethods.has(paymentMethodOf(account, invoice));
}

/**
 * Charges the customer's card for what the invoice still owes, through the invoice's payment
 * intent (made on the first attempt). A successful charge gets a balance transaction whose fee
 * is 3.4% + the currency's fixed fee. The outcome is remembered as the card's: a declined card
 * keeps being declined (`cardDeclines`) until a charge to it succeeds.
 */
export function chargeInvoice(account: StripeAccount, invoice: WireInvoice, succeeds: boolean): CardAttempt {
  const now = unixNow();
  const customer = account.get('customer', invoice.customer as string);
  const paymentMethod = paymentMethodOf(account, invoice);
  if (succeeds) account.decliningPaymentMethods.delete(paymentMethod);
  else account.decliningPaymentMethods.add(paymentMethod);
  const description = BILLING_REASON_WORDS[invoice.billing_reason ?? ''] ?? 'Invoice payment';
  let invoicePayment = account.list('invoice_payment').find((payment) => payment.invoice === invoice.id);
  let paymentIntent: Stripe.PaymentIntent;
  if (invoicePayment) {
    paymentIntent = account.get('payment_intent', invoicePayment.payment.payment_intent as string);
  } else {
    paymentIntent = account.insert(
      buildPaymentIntent({
        id: newStripeId('pi_'),
        created: now,
        amount: invoice.amount_remaining,
        currency: invoice.currency,
        customer: customer.id,
        paymentMethod,
        description,
      }),
    );
    invoicePayment = account.insert(
      buildInvoicePayment({
        id: newStripeId('inpay_'),
        created: now,
        invoice: invoice.id,
        amount: invoice.amount_remaining,
        currency: invoice.currency,
        paymentIntent: paymentIntent.id,
      }),
    );
  }
  const payer = { customer: customer.id, email: customer.email, name: customer.name ?? null };
  const charge = chargePaymentIntent(account, paymentIntent, invoice.amount_remaining, succeeds, payer);
  if (succeeds) {
    invoicePayment.status = 'paid';
    invoicePayment.amount_paid = charge.amount;
    invoicePayment.status_transitions.paid_at = charge.created;
  }
  return { charge, paymentIntent, invoicePayment };
}

/**
 * One card attempt of `amount` on the payment intent. A successful charge gets a balance
 * transaction whose fee is 3.4% + the currency's fixed fee, and settles the intent; a declined
 * one leaves the intent waiting for another payment method.
 */
export function chargePaymentIntent(
  account: StripeAccount,
  paymentIntent: Stripe.PaymentIntent,
  amount: number,
  succeeds: boolean,
  payer: ChargeInput['payer'],
): Stripe.Charge {
  const now = unixNow();
  const chargeId = newStripeId('ch_');
  const description = paymentIntent.description ?? 'Payment';
  const balanceTransaction = succeeds
    ? account.insert(
        buildBalanceTransaction({
          id: newStripeId('txn_'),
          created: now,
          amount,
          fee: processingFee(amount, paymentIntent.currency),
          currency: paymentIntent.currency,
          source: chargeId,
          type: 'charge',
          reportingCategory: 'charge',
          description,
          feeDescription: 'Stripe processing fees',
        }),
      )
    : null;
  const charge = account.insert(
    buildCharge({
      id: chargeId,
      created: now,
      amount,
      currency: paymentIntent.currency,
      payer,
      paymentIntent: paymentIntent.id,
      paymentMethod: (paymentIntent.payment_method as string | null) ?? 'pm_card_visa',
      description,
      succeeded: succeeds,
      balanceTransaction: balanceTransaction?.id ?? null,
      receiptUrl: `${account.baseUrl}/receipts/${chargeId}`,
    }),
  );
  paymentIntent.latest_charge = charge.id;
  if (succeeds) {
    paymentIntent.status = 'succeeded';
    paymentIntent.amount_received = charge.amount;
    paymentIntent.last_payment_error = null;
  } else {
    paymentIntent.status = 'requires_payment_method';
    paymentIntent.last_payment_error = {
      charge: charge.id,
      code: 'card_declined',
      decline_code: 'generic_decline',
      message: 'Your card was declined.',
      type: 'card_error',
    };
  }
  return charge;
}
