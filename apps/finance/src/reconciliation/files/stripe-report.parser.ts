import { exponentOf, parseDecimalAmount } from '@libs/common';
import { FieldError } from '@libs/contracts';
import { instantOf } from '../../calendar/calendar-date';
import {
  FileParse,
  ImportedBalanceTransaction,
  ImportedPayout,
  MAX_REPORTED_ERRORS,
} from '../statements/statement-rows';
import { parseCsv } from './csv-table';

export interface StripeReport {
  transactions: ImportedBalanceTransaction[];
  /** Payouts the report shows (rows of category `payout`). */
  payouts: ImportedPayout[];
}

const REQUIRED = ['balance_transaction_id', 'currency', 'gross', 'fee', 'net', 'reporting_category'] as const;
const TRANSACTION_ID = /^txn_[A-Za-z0-9]{1,250}$/;
const OBJECT_ID = /^[a-z]{2,8}_[A-Za-z0-9_]{1,250}$/;
const CATEGORY = /^[a-z][a-z_]{0,63}$/;

/**
 * Stripe's balance report CSV (`balance_change_from_activity.itemized` and
 * `ending_balance_reconciliation.itemized`): columns found by name in the header, in any order;
 * columns this import does not use are ignored. Amounts are decimal major units (whole units for
 * zero-decimal currencies such as VND) and become integer minor units exactly. Times are read from
 * `created_utc` (or `created`, which Stripe writes in UTC unless the report asked for a time zone).
 */
export function parseStripeReport(text: string): FileParse<StripeReport> {
  const table = parseCsv(text);
  if (!table.ok) return { ok: false, errors: [{ field: `line ${table.line}`, message: table.reason }] };
  const column = columnsOf(table.header);
  const missing = [
    ...REQUIRED.filter((name) => column[name] === undefined),
    ...((column.created_utc ?? column.created) === undefined ? ['created_utc'] : []),
  ];
  if (missing.length > 0) {
    return {
      ok: false,
      errors: [
        {
          field: 'line 1',
          message: `not a Stripe balance report: missing column ${missing.join(', ')} (expected ${REQUIRED.join(', ')}, created_utc)`,
        },
      ],
    };
  }
  const errors: FieldError[] = [];
  const transactions: ImportedBalanceTransaction[] = [];
  const payouts: ImportedPayout[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of table.records) {
    if (errors.length >= MAX_REPORTED_ERRORS) break;
    const fail = (message: string) => errors.push({ field: `line ${line}`, message });
    if (cells.length !== table.header.length) {
      fail(`expected ${table.header.length} fields as in the header, found ${cells.length}`);
      continue;
    }
    const cell = (name: string): string => (column[name] === undefined ? '' : cells[column[name]].trim());
    const id = cell('balance_transaction_id');
    if (!TRANSACTION_ID.test(id)) {
      fail(`balance_transaction_id "${id}" is not a Stripe balance transaction id (txn_…)`);
      continue;
    }
    if (seen.has(id)) {
      fail(`balance transaction ${id} is already on line ${seen.get(id)}`);
      continue;
    }
    seen.set(id, line);
    const currency = cell('currency').toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency) || exponentOf(currency) === null) {
      fail(`currency "${cell('currency')}" is not supported`);
      continue;
    }
    const createdText = cell('created_utc') || cell('created');
    const createdAt = instantOf(createdText);
    if (!createdAt) {
      fail(`created_utc "${createdText}" is not a time (YYYY-MM-DD HH:MM:SS, UTC)`);
      continue;
    }
    const availableText = cell('available_on_utc') || cell('available_on');
    const availableOn = availableText ? instantOf(availableText) : null;
    if (availableText && !availableOn) {
      fail(`available_on_utc "${availableText}" is not a time (YYYY-MM-DD HH:MM:SS, UTC)`);
      continue;
    }
    const amounts = (['gross', 'fee', 'net'] as const).map((name) => ({
      name,
      parsed: parseDecimalAmount(cell(name), currency),
    }));
    const bad = amounts.find((a) => !a.parsed.ok);
    if (bad && !bad.parsed.ok) {
      fail(`${bad.name}: ${bad.parsed.reason}`);
      continue;
    }
    const [gross, fee, net] = amounts.map((a) => (a.parsed.ok ? a.parsed.minorUnits : 0n));
    if (gross - fee !== net) {
      fail(`net ${cell('net')} is not gross ${cell('gross')} minus fee ${cell('fee')}`);
      continue;
    }
    const category = cell('reporting_category');
    if (!CATEGORY.test(category)) {
      fail(`reporting_category "${category}" is not a Stripe reporting category`);
      continue;
    }
    const sourceId = cell('source_id') || null;
    const payoutId = cell('automatic_payout_id') || null;
    const badId = [
      ['source_id', sourceId],
      ['automatic_payout_id', payoutId],
    ].find(([, value]) => value !== null && !OBJECT_ID.test(value));
    if (badId) {
      fail(`${badId[0]} "${badId[1]}" is not a Stripe object id`);
      continue;
    }
    transactions.push({
      id,
      createdAt,
      availableOn,
      currency,
      amount: gross,
      fee,
      net,
      reportingCategory: category,
      type: null,
      sourceId,
      description: cell('description') || null,
      payoutId,
    });
    if (category === 'payout' && sourceId?.startsWith('po_')) {
      payouts.push({
        id: sourceId,
        createdAt,
        arrivalDate: (availableOn ?? createdAt).toISOString().slice(0, 10),
        currency,
        amount: -net,
        status: 'paid',
        statementDescriptor: null,
        balanceTransactionId: id,
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, rows: { transactions, payouts }, skipped: 0 };
}

function columnsOf(header: string[]): Record<string, number> {
  const column: Record<string, number> = {};
  header.forEach((name, index) => {
    const key = name.toLowerCase();
    if (column[key] === undefined) column[key] = index;
  });
  return column;
}
