import { ReconciliationExceptionView } from '@libs/contracts';
import { RAIL_NAMES } from '../../accounts/rail-names';
import { ReconciliationException } from './reconciliation-exception.entity';

export function toReconciliationExceptionView(x: ReconciliationException): ReconciliationExceptionView {
  return {
    id: x.id,
    kind: x.kind,
    scope: x.scope,
    status: x.status,
    detail: detailOf(x),
    stripeTransactionId: x.stripeTransactionId,
    stripeSourceId: x.stripeSourceId,
    reportingCategory: x.reportingCategory,
    payoutId: x.payoutId,
    bankLineId: x.bankLineId,
    bankReference: x.bankReference,
    rail: x.rail,
    railTransactionId: x.railTransactionId,
    ledgerSourceKey: x.ledgerSourceKey,
    entryId: x.entryId,
    statementCurrency: x.statementCurrency?.trim() ?? null,
    statementAmount: x.statementAmount,
    bookedCurrency: x.bookedCurrency?.trim() ?? null,
    bookedAmount: x.bookedAmount,
    occurredAt: x.occurredAt.toISOString(),
    detectedAt: x.detectedAt.toISOString(),
    resolution:
      x.resolution && x.resolvedAt
        ? {
            action: x.resolution,
            reason: x.resolutionReason ?? '',
            entryId: x.resolutionEntryId,
            accountCode: x.resolutionAccountCode,
            resolvedBy: x.resolvedBy ?? 'unknown',
            resolvedAt: x.resolvedAt.toISOString(),
          }
        : null,
  };
}

/** What is wrong, in a sentence (amounts in minor units, as everywhere in the API). */
export function detailOf(x: ReconciliationException): string {
  const statement = `${x.statementAmount} ${x.statementCurrency?.trim()}`;
  const booked = `${x.bookedAmount} ${x.bookedCurrency?.trim()}`;
  const movement = `${x.reportingCategory ?? 'movement'} ${x.stripeSourceId ?? x.stripeTransactionId}`;
  if (x.scope === 'rail-ledger') return railDetailOf(x, statement, booked);
  if (x.scope === 'stripe-ledger') {
    switch (x.kind) {
      case 'missing-in-ledger':
        return (
          `Stripe transaction ${x.stripeTransactionId} (${movement}) moved ${statement}; no journal entry books it` +
          (x.ledgerSourceKey ? ` (${x.ledgerSourceKey} was expected but is not posted)` : '')
        );
      case 'missing-at-stripe':
        return `Journal entry ${x.ledgerSourceKey} posts ${booked} to the Stripe balance for ${movement}; Stripe has no such transaction`;
      case 'amount-mismatch':
        return `Stripe transaction ${x.stripeTransactionId} (${movement}) nets ${statement}; journal entry ${x.ledgerSourceKey} posts ${booked} to the Stripe balance`;
      case 'currency-mismatch':
        return `Stripe transaction ${x.stripeTransactionId} (${movement}) is in ${x.statementCurrency?.trim()}; journal entry ${x.ledgerSourceKey} posts ${booked} to the Stripe balance`;
      case 'duplicate':
        return `Journal entry ${x.ledgerSourceKey} books ${movement} again (${booked}); another entry already books it`;
      default:
        return x.kind;
    }
  }
  switch (x.kind) {
    case 'missing-at-bank':
      return `Payout ${x.payoutId} of ${booked} (arriving ${x.occurredAt.toISOString().slice(0, 10)}) is on no bank statement line`;
    case 'missing-at-stripe':
      return x.payoutId
        ? `Bank line ${x.bankReference} of ${statement} names payout ${x.payoutId}, which Stripe does not have`
        : `Bank line ${x.bankReference} of ${statement} comes from Stripe but matches no payout`;
    case 'amount-mismatch':
    case 'currency-mismatch':
      return `Bank line ${x.bankReference} names payout ${x.payoutId} but shows ${statement}; the payout is ${booked}`;
    case 'duplicate':
      return `Bank line ${x.bankReference} of ${statement} names payout ${x.payoutId}, already found on another line`;
    default:
      return x.kind;
  }
}

/** A rail's line against the books; the subject (`rail:<rail>:<movement>:<id>`) names the movement. */
function railDetailOf(x: ReconciliationException, statement: string, booked: string): string {
  const rail = x.rail ? RAIL_NAMES[x.rail] : 'the rail';
  const movement = x.subjectKey.split(':')[2] ?? 'transaction';
  const line = `${rail} ${movement} ${x.railTransactionId}`;
  switch (x.kind) {
    case 'missing-in-ledger':
      return `${line} moved ${statement}; no payment or refund booked from the payments service names it`;
    case 'missing-at-rail':
      return `Journal entry ${x.ledgerSourceKey} books ${line} (${booked}) on a day ${rail}'s reports cover; none of them shows it`;
    case 'amount-mismatch':
      return `${line} is ${statement} in ${rail}'s report; journal entry ${x.ledgerSourceKey} books ${booked} to its clearing account`;
    case 'currency-mismatch':
      return `${line} is in ${x.statementCurrency?.trim()} in ${rail}'s report; journal entry ${x.ledgerSourceKey} books ${booked}`;
    default:
      return `${x.kind}: ${line}`;
  }
}
