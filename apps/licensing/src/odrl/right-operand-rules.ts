import { parseDecimalAmount } from '@libs/common';
import type { AtomicConstraint, OperandValue } from './atomic-policy';
import { currencyOfUnit } from './currency-unit';
import { countryCodeOf } from './iso-3166-countries';
import { COUNT_UNITS, odrl, shortName, suite, SUITE, XSD } from './odrl-vocabulary';
import { parseDuration, parseMoment } from './xsd-values';

const ORDERING = ['eq', 'neq', 'lt', 'lteq', 'gt', 'gteq'].map(odrl);
const MEMBERSHIP = ['eq', 'neq', 'isAnyOf', 'isNoneOf'].map(odrl);

interface Rule {
  operators: readonly string[];
  /** Why the value is not one this operand takes, or null. */
  value(value: OperandValue, constraint: AtomicConstraint): string | null;
}

const text = (value: OperandValue): string | null =>
  'iri' in value ? value.iri : typeof value.literal === 'string' ? value.literal : null;

const duration: Rule = {
  operators: ORDERING,
  value: (v) => (text(v) !== null && parseDuration(text(v)!) ? null : 'must be an xsd:duration such as P30D or PT24H'),
};

const percent: Rule = {
  operators: ORDERING,
  value: (v) => {
    const written = 'literal' in v ? String(v.literal) : '';
    return /^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/.test(written)
      ? null
      : 'must be a percentage from 0 to 100 with at most two decimals';
  },
};

const token: Rule = {
  operators: MEMBERSHIP,
  value: (v) => (text(v) ? null : 'must be a name (a string) or an IRI'),
};

/**
 * What the right operands of the left operands the evaluator decides must look like, so that an
 * offer never holds a value no evaluation can read. Other left operands of the vocabulary are
 * taken as written.
 */
const RULES = new Map<string, Rule>([
  [
    odrl('spatial'),
    {
      operators: MEMBERSHIP,
      value: (v) =>
        text(v) !== null && countryCodeOf(text(v)!)
          ? null
          : `${text(v) ?? String('literal' in v ? v.literal : '')} is not an ISO 3166-1 country (VN, or IPTC's http://cvx.iptc.org/iso3166-1a3/VNM)`,
    },
  ],
  [
    odrl('dateTime'),
    {
      operators: ORDERING,
      value: (v) =>
        'literal' in v &&
        typeof v.literal === 'string' &&
        [undefined, `${XSD}date`, `${XSD}dateTime`].includes(v.datatype) &&
        parseMoment(v.literal)
          ? null
          : 'must be an xsd:date (2026-01-31) or an xsd:dateTime (2026-01-31T00:00:00+07:00)',
    },
  ],
  [odrl('delayPeriod'), duration],
  [odrl('elapsedTime'), duration],
  [odrl('timeInterval'), duration],
  [odrl('meteredTime'), duration],
  [
    odrl('count'),
    {
      operators: ORDERING,
      value: (v) =>
        'literal' in v && /^(0|[1-9]\d{0,11})$/.test(String(v.literal)) ? null : 'must be a whole number of uses',
    },
  ],
  [
    odrl('payAmount'),
    {
      operators: ORDERING,
      value: (v, constraint) => {
        const currency = currencyOfUnit(constraint.unit);
        if (!currency) return `needs a unit naming its currency, such as rev:currency/VND`;
        if (!('literal' in v) || (typeof v.literal === 'number' && !Number.isInteger(v.literal)))
          return 'must be a decimal amount written as a string ("500000", "5.00"), never a float';
        const parsed = parseDecimalAmount(String(v.literal), currency);
        if (!parsed.ok) return parsed.reason;
        return parsed.minorUnits < 0n ? 'must not be negative' : null;
      },
    },
  ],
  [odrl('percentage'), percent],
  [suite('revenueShare'), percent],
  [
    odrl('unitOfCount'),
    {
      operators: [odrl('eq')],
      value: (v) => {
        const name = text(v);
        return name && (!name.startsWith(SUITE) || COUNT_UNITS.has(name))
          ? null
          : `must name what is counted: ${[...COUNT_UNITS.keys()].map(shortName).join(', ')}`;
      },
    },
  ],
  [odrl('deliveryChannel'), token],
  [odrl('purpose'), token],
  [suite('section'), { ...token, operators: [...MEMBERSHIP, odrl('isAllOf')] }],
]);

/** Why the constraint's operator or right operand does not suit its left operand, or null. */
export function checkRightOperand(constraint: AtomicConstraint): { field?: string; message: string } | null {
  const rule = RULES.get(constraint.leftOperand);
  if (!rule) return null;
  if (!rule.operators.includes(constraint.operator))
    return {
      field: `${constraint.path}.operator`,
      message: `${shortName(constraint.leftOperand)} takes ${rule.operators.map(shortName).join(', ')}, not ${shortName(constraint.operator)}`,
    };
  if (constraint.leftOperand === odrl('payAmount') && !currencyOfUnit(constraint.unit))
    return {
      field: `${constraint.path}.unit`,
      message: 'must name a currency the suite takes, such as rev:currency/VND',
    };
  for (const value of constraint.rightOperand) {
    const problem = rule.value(value, constraint);
    if (problem) return { message: problem };
  }
  return null;
}
