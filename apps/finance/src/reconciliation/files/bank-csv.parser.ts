import { exponentOf, parseDecimalAmount } from '@libs/common';
import { FieldError } from '@libs/contracts';
import { calendarDate } from '../../calendar/calendar-date';
import {
  FileParse,
  ImportedBankLine,
  MAX_REPORTED_ERRORS,
  payoutReferenceIn,
  transferReferenceIn,
} from '../statements/statement-rows';
import { parseCsv } from './csv-table';

/** The suite's bank statement CSV: these columns, named in a header line, in any order. */
export const BANK_CSV_COLUMNS = ['date', 'amount', 'currency', 'reference', 'counterparty'] as const;
/** Optional: the remittance text (Stripe puts its payout id there). */
export const BANK_CSV_OPTIONAL_COLUMNS = ['description'] as const;

const MAX_TEXT = 500;

/**
 * A bank statement as CSV, one booked line per record:
 * `date` (YYYY-MM-DD, booking date), `amount` (decimal in major units, negative for debits:
 * `1234.56` USD, `100000` VND), `currency` (ISO 4217), `reference` (the bank's unique reference
 * of the line), `counterparty` (may be empty), and optionally `description`.
 */
export function parseBankCsv(text: string): FileParse<ImportedBankLine[]> {
  const table = parseCsv(text);
  if (!table.ok) return { ok: false, errors: [{ field: `line ${table.line}`, message: table.reason }] };
  const header = table.header.map((name) => name.toLowerCase());
  const known: readonly string[] = [...BANK_CSV_COLUMNS, ...BANK_CSV_OPTIONAL_COLUMNS];
  const expected = `${BANK_CSV_COLUMNS.join(', ')}[, ${BANK_CSV_OPTIONAL_COLUMNS.join(', ')}]`;
  const unknown = header.filter((name) => !known.includes(name));
  const missing = BANK_CSV_COLUMNS.filter((name) => !header.includes(name));
  const repeated = header.filter((name, index) => header.indexOf(name) !== index);
  if (unknown.length > 0 || missing.length > 0 || repeated.length > 0) {
    const problems = [
      ...missing.map((name) => `missing column ${name}`),
      ...unknown.map((name) => `unknown column ${name}`),
      ...repeated.map((name) => `column ${name} appears twice`),
    ];
    return { ok: false, errors: [{ field: 'line 1', message: `${problems.join('; ')} (expected ${expected})` }] };
  }
  const errors: FieldError[] = [];
  const lines: ImportedBankLine[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of table.records) {
    if (errors.length >= MAX_REPORTED_ERRORS) break;
    const fail = (message: string) => errors.push({ field: `line ${line}`, message });
    if (cells.length !== header.length) {
      fail(`expected ${header.length} fields as in the header, found ${cells.length}`);
      continue;
    }
    const cell = (name: string) => {
      const index = header.indexOf(name);
      return index === -1 ? '' : cells[index].trim();
    };
    const bookedOn = calendarDate(cell('date'));
    if (!bookedOn) {
      fail(`date "${cell('date')}" is not a day (YYYY-MM-DD)`);
      continue;
    }
    const currency = cell('currency').toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency) || exponentOf(currency) === null) {
      fail(`currency "${cell('currency')}" is not supported`);
      continue;
    }
    const amount = parseDecimalAmount(cell('amount'), currency);
    if (!amount.ok) {
      fail(`amount: ${amount.reason}`);
      continue;
    }
    if (amount.minorUnits === 0n) {
      fail('amount: a statement line moves money (not 0)');
      continue;
    }
    const reference = cell('reference');
    if (!reference || reference.length > 200) {
      fail("reference: the bank's reference of the line is required (at most 200 characters)");
      continue;
    }
    if (seen.has(reference)) {
      fail(`reference ${reference} is already on line ${seen.get(reference)}`);
      continue;
    }
    seen.set(reference, line);
    const counterparty = cell('counterparty').slice(0, MAX_TEXT) || null;
    const remittance = cell('description').slice(0, MAX_TEXT) || null;
    lines.push({
      reference,
      bookedOn,
      amount: amount.minorUnits,
      currency,
      counterparty,
      remittance,
      payoutReference: payoutReferenceIn(remittance, reference, counterparty),
      transferReference: amount.minorUnits > 0n ? transferReferenceIn(remittance) : null,
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, rows: lines, skipped: 0 };
}
