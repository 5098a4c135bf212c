import { exponentOf } from '@libs/common';
import { SUITE } from './odrl-vocabulary';

/** The suite's IRI of an ISO 4217 currency, for a payment's `unit`: `rev:currency/VND`. */
export const CURRENCY_UNIT = `${SUITE}currency/`;

/** DBpedia's resources for a currency, as the ODRL examples name the euro. */
const DBPEDIA: Record<string, string> = {
  'http://dbpedia.org/resource/Euro': 'EUR',
  'http://dbpedia.org/resource/United_States_dollar': 'USD',
  'http://dbpedia.org/resource/Vietnamese_%C4%91%E1%BB%93ng': 'VND',
  'http://dbpedia.org/resource/Vietnamese_đồng': 'VND',
  'http://dbpedia.org/resource/Japanese_yen': 'JPY',
  'http://dbpedia.org/resource/Pound_sterling': 'GBP',
};

/** The ISO 4217 code a payment's `unit` names, when it is a currency the suite takes; else null. */
export function currencyOfUnit(unit: string | undefined): string | null {
  if (!unit) return null;
  const code = unit.startsWith(CURRENCY_UNIT) ? unit.slice(CURRENCY_UNIT.length) : DBPEDIA[unit];
  return code && /^[A-Z]{3}$/.test(code) && exponentOf(code) !== null ? code : null;
}

export function currencyUnit(code: string): string {
  return `${CURRENCY_UNIT}${code}`;
}
