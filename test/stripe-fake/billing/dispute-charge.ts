import Stripe from 'stripe';
import { unixNow } from '../billing-calendar';
import { buildBalanceTransaction } from '../objects/balance-transaction';
import { buildDispute } from '../objects/dispute';
import { StripeAccount } from '../stripe-account';
import { StripeApiError } from '../stripe-api-error';
import { newStripeId } from '../stripe-ids';
import { disputeFee } from '../stripe-money';
import { recordChange } from './record-change';

/**
 * The cardholder disputes a charge: the amount and the dispute fee leave the balance (a
 * negative `adjustment`), charge.dispute.created then charge.dispute.funds_withdrawn.
 */
export function disputeCharge(account: StripeAccount, chargeId: string, request: Stripe.Event.Request): Stripe.Dispute {
  const charge = account.get('charge', chargeId, 'charge');
  if (!charge.paid)
    throw StripeApiError.invalidState(`Charge ${charge.id} has not succeeded, so it cannot be disputed.`, 'charge');
  if (charge.disputed) throw StripeApiError.invalidState(`Charge ${charge.id} is already disputed.`, 'charge');
  const now = unixNow();
  const disputeId = newStripeId('du_');
  const withdrawal = account.insert(
    buildBalanceTransaction({
      id: newStripeId('txn_'),
      created: now,
      amount: -charge.amount,
      fee: disputeFee(charge.currency),
      currency: charge.currency,
      source: disputeId,
      type: 'adjustment',
      reportingCategory: 'dispute',
      description: `Chargeback withdrawal for ${charge.id}`,
      feeDescription: 'Dispute fee',
    }),
  );
  const dispute = account.insert(buildDispute({ id: disputeId, created: now, charge, withdrawal }));
  charge.disputed = true;
  account.emit('charge.dispute.created', dispute, request);
  account.emit('charge.dispute.funds_withdrawn', dispute, request);
  return dispute;
}

/**
 * The dispute's outcome: charge.dispute.closed with status won or lost; when won the amount and
 * fee come back (a positive adjustment) and charge.dispute.funds_reinstated follows.
 */
export function closeDispute(
  account: StripeAccount,
  disputeId: string,
  won: boolean,
  request: Stripe.Event.Request,
): Stripe.Dispute {
  const dispute = account.get('dispute', disputeId, 'dispute');
  if (dispute.status === 'won' || dispute.status === 'lost')
    throw StripeApiError.invalidState(`Dispute ${dispute.id} is already closed (${dispute.status}).`);
  const withdrawn = dispute.balance_transactions[0];
  recordChange(account, dispute, 'charge.dispute.closed', request, (closing) => {
    closing.status = won ? 'won' : 'lost';
    if (won) {
      closing.balance_transactions.push(
        account.insert(
          buildBalanceTransaction({
            id: newStripeId('txn_'),
            created: unixNow(),
            amount: -withdrawn.amount,
            fee: -withdrawn.fee,
            currency: dispute.currency,
            source: dispute.id,
            type: 'adjustment',
            reportingCategory: 'dispute_reversal',
            description: `Chargeback reversal for ${dispute.charge as string}`,
            feeDescription: 'Dispute fee refund',
          }),
        ),
      );
    }
  });
  if (won) account.emit('charge.dispute.funds_reinstated', dispute, request);
  return dispute;
}
