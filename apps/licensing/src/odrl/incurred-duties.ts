import { parseDecimalAmount } from '@libs/common';
import { covers } from './action-hierarchy';
import type { AtomicConstraint, AtomicDuty, ConstraintNode } from './atomic-policy';
import { currencyOfUnit } from './currency-unit';
import type { EvaluationRequest, IncurredDuty, Payment } from './evaluation';
import { COUNT_UNITS, odrl, shortName, suite } from './odrl-vocabulary';
import { satisfyAll } from './satisfy-constraint';

/**
 * The duties that apply to this request, as the caller must fulfil them: a duty whose own
 * constraints are not satisfied here (a fee owed only in one territory) is not incurred; one whose
 * constraints the request cannot decide is (a duty is never waived by not knowing).
 */
export function incurredDuties(duties: readonly AtomicDuty[], request: EvaluationRequest): IncurredDuty[] {
  return duties.flatMap((duty) => {
    const conditions = duty.constraints.filter((node) => !isTiming(node));
    if (satisfyAll(conditions, request).truth === false) return [];
    return [
      {
        rule: duty.path,
        action: shortName(duty.action),
        payment: covers(odrl('compensate'), duty.action)
          ? paymentOf([...duty.actionRefinement, ...duty.constraints])
          : null,
        parties: [...duty.parties]
          .filter(([fn]) => fn !== odrl('assigner') && fn !== odrl('assignee'))
          .map(([fn, party]) => ({ function: shortName(fn), uid: party.uid ?? party.source ?? '' })),
        dueBeforeUse: duty.constraints.some(isTiming),
        consequences: incurredDuties(duty.consequences, request),
      },
    ];
  });
}

/** `event lt policyUsage`: the duty comes before the use (ODRL's example of a payment in advance). */
function isTiming(node: ConstraintNode): boolean {
  return (
    node.kind === 'constraint' &&
    node.leftOperand === odrl('event') &&
    (node.operator === odrl('lt') || node.operator === odrl('lteq')) &&
    node.rightOperand.some((value) => 'iri' in value && value.iri === odrl('policyUsage'))
  );
}

/**
 * A compensation's terms from its refinements: `payAmount` with the currency as `unit` (`eq`: a
 * price; `gteq`: a minimum guarantee), `unitOfCount` (per article, per retrieval, per thousand
 * crawls), `timeInterval` (a flat fee per period), `rev:revenueShare` (a share of the licensee's
 * revenue). The amount is read exactly into minor units: no float holds it.
 */
function paymentOf(nodes: readonly ConstraintNode[]): Payment {
  const constraints = flatten(nodes);
  const find = (leftOperand: string) => constraints.find((c) => c.leftOperand === leftOperand);
  const amount = find(odrl('payAmount'));
  const currency = currencyOfUnit(amount?.unit);
  const parsed = amount && currency ? parseDecimalAmount(literalOf(amount), currency) : null;
  const unit = find(odrl('unitOfCount'));
  const unitName = unit ? literalOf(unit) : null;
  const period = find(odrl('timeInterval'));
  const share = find(suite('revenueShare'));
  const basisPoints = share ? Math.round(Number(literalOf(share)) * 100) : null;
  return {
    amount: parsed?.ok ? parsed.minorUnits.toString() : null,
    currency,
    basis: share ? 'revenue-share' : unit ? 'per-unit' : period ? 'per-period' : 'once',
    unit: unitName ? (COUNT_UNITS.get(unitName) ?? shortName(unitName)) : null,
    period: period ? literalOf(period) : null,
    revenueShareBasisPoints: basisPoints,
    minimum: !!amount && (amount.operator === odrl('gteq') || amount.operator === odrl('gt')),
  };
}

function flatten(nodes: readonly ConstraintNode[]): AtomicConstraint[] {
  return nodes.flatMap((node) =>
    node.kind === 'constraint'
      ? [node]
      : node.operand === 'and' || node.operand === 'andSequence'
        ? flatten(node.constraints)
        : [],
  );
}

function literalOf(constraint: AtomicConstraint): string {
  const [value] = constraint.rightOperand;
  return value === undefined ? '' : 'iri' in value ? value.iri : String(value.literal);
}
