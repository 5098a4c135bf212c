import Stripe from 'stripe';
import { unixNow } from '../billing-calendar';
import { buildBalanceTransaction } from '../objects/balance-transaction';
import { buildRefund } from '../objects/refund';
import { StripeAccount } from '../stripe-account';
import { StripeApiError } from '../stripe-api-error';
import { newStripeId } from '../stripe-ids';
import { formatAmount } from '../stripe-money';

export interface RefundRequest {
  amount?: number;
  reason?: Stripe.Refund.Reason;
  metadata?: Stripe.Metadata;
}

/**
 * Refunds all or part of a succeeded charge: a `re_` refund, a negative balance transaction
 * (Stripe returns no fee on refunds, so net = amount), `charge.refunded` then `refund.created`.
 */
export function refundCharge(
  account: StripeAccount,
  chargeId: string,
  refund: RefundRequest,
  request: Stripe.Event.Request,
  param = 'charge',
): Stripe.Refund {
  const charge = account.get('charge', chargeId, param);
  if (!charge.paid)
    throw new StripeApiError(
      400,
      'invalid_request_error',
      `Charge ${charge.id} has not succeeded, so it cannot be refunded.`,
      'charge_not_refundable',
      param,
    );
  const refundable = charge.amount - charge.amount_refunded;
  if (refundable === 0)
    throw new StripeApiError(
      400,
      'invalid_request_error',
      `Charge ${charge.id} has already been refunded.`,
      'charge_already_refunded',
      param,
    );
  const amount = refund.amount ?? refundable;
  if (amount <= 0) throw StripeApiError.parameterInvalid('amount', 'Refund amount must be positive.');
  if (amount > refundable) {
    throw new StripeApiError(
      400,
      'invalid_request_error',
      `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(refundable, charge.currency)})`,
      'amount_too_large',
      'amount',
    );
  }
  const now = unixNow();
  const refundId = newStripeId('re_');
  const balanceTransaction = account.insert(
    buildBalanceTransaction({
      id: newStripeId('txn_'),
      created: now,
      amount: -amount,
      fee: 0,
      currency: charge.currency,
      source: refundId,
      type: 'refund',
      reportingCategory: 'refund',
      description: `REFUND FOR CHARGE (${charge.description ?? charge.id})`,
      feeDescription: 'Stripe processing fees',
    }),
  );
  const created = account.insert(
    buildRefund({
      id: refundId,
      created: now,
      charge,
      amount,
      balanceTransaction: balanceTransaction.id,
      reason: refund.reason ?? null,
      metadata: refund.metadata ?? {},
    }),
  );
  const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  account.emit(
    'charge.refunded',
    charge,
    request,
    charge.refunded ? previous : { amount_refunded: previous.amount_refunded },
  );
  account.emit('refund.created', created, request);
  return created;
}
