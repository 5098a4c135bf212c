import type { AtomicConstraint, ConstraintNode, OperandValue } from './atomic-policy';
import type { EvaluationRequest } from './evaluation';
import { countryCodeOf } from './iso-3166-countries';
import { odrl, shortName, suite } from './odrl-vocabulary';
import { addDuration, parseDuration, parseMoment } from './xsd-values';

/** Three-valued: a constraint the request says nothing about is neither satisfied nor not. */
export type Truth = true | false | 'unknown';

export interface Satisfaction {
  truth: Truth;
  /** The constraint that made it false (or unknown). */
  constraint: ConstraintNode | null;
}

const SATISFIED: Satisfaction = { truth: true, constraint: null };

/**
 * Whether all of `constraints` hold for the request (ODRL: several constraints are a
 * conjunction). Logical constraints combine their members in Kleene's three-valued logic:
 * `and` is false if any member is, `or` true if any is, `xone` true when exactly one is and none
 * is unknown; `andSequence` as `and` (one request is one moment).
 */
export function satisfyAll(constraints: readonly ConstraintNode[], request: EvaluationRequest): Satisfaction {
  let unknown: Satisfaction | null = null;
  for (const node of constraints) {
    const result = satisfy(node, request);
    if (result.truth === false) return result;
    if (result.truth === 'unknown') unknown ??= result;
  }
  return unknown ?? SATISFIED;
}

function satisfy(node: ConstraintNode, request: EvaluationRequest): Satisfaction {
  if (node.kind === 'constraint') return { truth: satisfyOne(node, request), constraint: node };
  const results = node.constraints.map((member) => satisfy(member, request));
  const first = (truth: Truth) => results.find((r) => r.truth === truth)?.constraint ?? null;
  switch (node.operand) {
    case 'and':
    case 'andSequence':
      return satisfyAll(node.constraints, request);
    case 'or':
      if (results.some((r) => r.truth === true)) return SATISFIED;
      return results.some((r) => r.truth === 'unknown')
        ? { truth: 'unknown', constraint: first('unknown') }
        : { truth: false, constraint: first(false) };
    case 'xone': {
      if (results.some((r) => r.truth === 'unknown')) return { truth: 'unknown', constraint: first('unknown') };
      const holding = results.filter((r) => r.truth === true).length;
      return holding === 1 ? SATISFIED : { truth: false, constraint: node };
    }
  }
}

function satisfyOne(constraint: AtomicConstraint, request: EvaluationRequest): Truth {
  const { context, target } = request;
  const { leftOperand, operator, rightOperand } = constraint;
  switch (leftOperand) {
    case odrl('spatial'):
      return context.country === null ? 'unknown' : membership(operator, [context.country], rightOperand.map(country));
    case odrl('dateTime'):
      return compareMoment(operator, context.now, rightOperand[0]);
    case odrl('delayPeriod'): {
      const delay = parseDuration(textOf(rightOperand[0]));
      if (!target.publishedAt || !delay) return 'unknown';
      const elapsed = context.now.getTime() >= addDuration(target.publishedAt, delay).getTime();
      const beyond = context.now.getTime() > addDuration(target.publishedAt, delay).getTime();
      // "delayPeriod eq P…" means the delay has passed (ODRL's own example reads it so).
      if (operator === odrl('eq') || operator === odrl('gteq')) return elapsed;
      if (operator === odrl('gt')) return beyond;
      if (operator === odrl('lt')) return !elapsed;
      if (operator === odrl('lteq')) return !beyond;
      return 'unknown';
    }
    case odrl('deliveryChannel'):
      return context.channel === null ? 'unknown' : membership(operator, [context.channel], rightOperand.map(textOf));
    case odrl('purpose'):
      return context.purpose ? membership(operator, [context.purpose], rightOperand.map(textOf)) : 'unknown';
    case suite('section'):
      return membership(operator, target.sections, rightOperand.map(textOf));
    case odrl('count'): {
      const used =
        constraint.status !== undefined ? Number(constraint.status) : (context.countSoFar[quotaKeyOf(constraint)] ?? 0);
      return order(operator, used + 1, Number(textOf(rightOperand[0])));
    }
    // Describe how uses are counted or paid for, not whether a use may happen.
    case odrl('timeInterval'):
    case odrl('unitOfCount'):
      return true;
    default:
      return fromFacts(constraint, request);
  }
}

/** The key a count constraint's uses are kept under: its uid, else its place in the policy. */
export function quotaKeyOf(constraint: AtomicConstraint): string {
  return constraint.uid ?? constraint.path;
}

function fromFacts(constraint: AtomicConstraint, request: EvaluationRequest): Truth {
  const facts = request.context.facts ?? {};
  const name = shortName(constraint.leftOperand);
  const fact = facts[constraint.leftOperand] ?? facts[name] ?? facts[name.replace(/^[a-z]+:/, '')];
  if (fact === undefined) return 'unknown';
  const expected = constraint.rightOperand.map(textOf);
  if (typeof fact === 'number' && expected.every((e) => e !== '' && !Number.isNaN(Number(e))))
    return constraint.rightOperand.length === 1
      ? order(constraint.operator, fact, Number(expected[0]))
      : membership(constraint.operator, [String(fact)], expected);
  return membership(constraint.operator, [String(fact)], expected);
}

function textOf(value: OperandValue | undefined): string {
  if (!value) return '';
  return 'iri' in value ? value.iri : String(value.literal);
}

function country(value: OperandValue): string {
  return countryCodeOf(textOf(value)) ?? textOf(value);
}

/** `actual` holds the values the request has (an article's sections); `expected` the operand's. */
function membership(operator: string, actual: readonly string[], expected: readonly string[]): Truth {
  const any = actual.some((value) => expected.includes(value));
  switch (operator) {
    case odrl('eq'):
    case odrl('isAnyOf'):
    case odrl('isPartOf'):
    case odrl('isA'):
      return any;
    case odrl('neq'):
    case odrl('isNoneOf'):
      return !any;
    case odrl('isAllOf'):
    case odrl('hasPart'):
      return expected.every((value) => actual.includes(value));
    default:
      return 'unknown';
  }
}

function order(operator: string, actual: number, expected: number): Truth {
  if (Number.isNaN(actual) || Number.isNaN(expected)) return 'unknown';
  switch (operator) {
    case odrl('eq'):
      return actual === expected;
    case odrl('neq'):
      return actual !== expected;
    case odrl('lt'):
      return actual < expected;
    case odrl('lteq'):
      return actual <= expected;
    case odrl('gt'):
      return actual > expected;
    case odrl('gteq'):
      return actual >= expected;
    default:
      return 'unknown';
  }
}

/** `now` against a day (`[start, end)`) or an instant. */
function compareMoment(operator: string, now: Date, value: OperandValue | undefined): Truth {
  const moment = parseMoment(textOf(value));
  if (!moment) return 'unknown';
  const t = now.getTime();
  const [start, end] = [moment.start.getTime(), moment.end.getTime()];
  const instant = start === end;
  switch (operator) {
    case odrl('lt'):
      return t < start;
    case odrl('lteq'):
      return instant ? t <= start : t < end;
    case odrl('gt'):
      return instant ? t > start : t >= end;
    case odrl('gteq'):
      return t >= start;
    case odrl('eq'):
      return instant ? t === start : t >= start && t < end;
    case odrl('neq'):
      return instant ? t !== start : t < start || t >= end;
    default:
      return 'unknown';
  }
}
