import { AmountParse, exponentOf, parseDecimalAmount } from '@libs/common';
import { FieldError, PaymentRailName } from '@libs/contracts';
import { parseCsv } from '../files/csv-table';
import { FileParse, MAX_REPORTED_ERRORS } from '../statements/statement-rows';
import { RailMovement } from './rail-movement';
import {
  headerKey,
  namesOf,
  RAIL_REPORT_COLUMNS,
  RAIL_REPORT_STATUSES,
  RAIL_REPORT_TYPES,
  RailReportColumn,
} from './rail-report-columns';
import { railDay, railInstant, vietnamDaysCovering } from './rail-report-dates';
import { ImportedRailLine, RailReport } from './rail-report-rows';

const MAX_ID = 200;
const VIETNAMESE_DONG = 'VND';
/** Whole đồng as portals print them: `1.500.000`, `1,500,000`, optionally followed by `đ`, `₫` or `VND`. */
const GROUPED_WHOLE_UNITS = /^-?\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$/;
const CURRENCY_SUFFIX = /\s*(?:vnd|đ|₫)$/i;

type Columns = Partial<Record<RailReportColumn, number>>;

/**
 * A rail's transaction or settlement report (CSV, a header line, columns in any order, see
 * {@link RAIL_REPORT_COLUMNS}): one transaction per record. Successful payments and refunds are
 * read; failed, pending or cancelled ones are counted and skipped. A refund's amount may be
 * written positive or negative: it is kept negative. `net`, when given, must be amount − fee.
 * Any bad record refuses the file, each named by its line.
 */
export function parseRailReport(rail: PaymentRailName, text: string): FileParse<RailReport> {
  const table = parseCsv(text);
  if (!table.ok) return { ok: false, errors: [{ field: `line ${table.line}`, message: table.reason }] };
  const found = columnsOf(rail, table.header);
  if (!found.ok) return { ok: false, errors: [{ field: 'line 1', message: found.reason }] };
  const columns = found.columns;
  const errors: FieldError[] = [];
  const lines: ImportedRailLine[] = [];
  const seen = new Map<string, number>();
  let skipped = 0;
  for (const { line, cells } of table.records) {
    if (errors.length >= MAX_REPORTED_ERRORS) break;
    if (cells.length !== table.header.length) {
      errors.push({
        field: `line ${line}`,
        message: `expected ${table.header.length} fields as in the header, found ${cells.length}`,
      });
      continue;
    }
    const cell = (column: RailReportColumn) => {
      const index = columns[column];
      return index === undefined ? '' : cells[index].trim();
    };
    const read = lineOf(rail, cell);
    if (read.outcome === 'refused') {
      errors.push({ field: `line ${line}`, message: read.reason });
      continue;
    }
    if (read.outcome === 'skipped') {
      skipped++;
      continue;
    }
    const id = `${read.line.movement} ${read.line.railTransactionId}`;
    if (seen.has(id)) {
      errors.push({ field: `line ${line}`, message: `${id} is already on line ${seen.get(id)}` });
      continue;
    }
    seen.set(id, line);
    lines.push(read.line);
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, rows: { lines, covers: coverageOf(lines) }, skipped };
}

function columnsOf(
  rail: PaymentRailName,
  header: string[],
): { ok: true; columns: Columns } | { ok: false; reason: string } {
  const keys = header.map(headerKey);
  const columns: Columns = {};
  const problems: string[] = [];
  for (const column of Object.keys(RAIL_REPORT_COLUMNS) as RailReportColumn[]) {
    const names = namesOf(column, rail);
    const at = keys.flatMap((key, index) => (names.includes(key) ? [index] : []));
    if (at.length > 1) problems.push(`${column} is given twice (${at.map((i) => header[i]).join(', ')})`);
    else if (at.length === 1) columns[column] = at[0];
    else if (RAIL_REPORT_COLUMNS[column].required) problems.push(`missing column ${column} (${names.join(' / ')})`);
  }
  return problems.length > 0 ? { ok: false, reason: problems.join('; ') } : { ok: true, columns };
}

type LineRead =
  { outcome: 'read'; line: ImportedRailLine } | { outcome: 'skipped' } | { outcome: 'refused'; reason: string };

function lineOf(rail: PaymentRailName, cell: (column: RailReportColumn) => string): LineRead {
  const refuse = (reason: string): LineRead => ({ outcome: 'refused', reason });
  const status = headerKey(cell('status'));
  if ((RAIL_REPORT_STATUSES.skipped as readonly string[]).includes(status)) return { outcome: 'skipped' };
  if (!(RAIL_REPORT_STATUSES.taken as readonly string[]).includes(status))
    return refuse(
      `status "${cell('status')}" is not known (${[...RAIL_REPORT_STATUSES.taken, ...RAIL_REPORT_STATUSES.skipped].join(', ')})`,
    );
  const movement = movementOf(cell('type'));
  if (!movement)
    return refuse(
      `type "${cell('type')}" is neither a payment (${RAIL_REPORT_TYPES.payment.join(', ')}) nor a refund (${RAIL_REPORT_TYPES.refund.join(', ')})`,
    );
  const railTransactionId = cell('transactionId');
  if (!railTransactionId || railTransactionId.length > MAX_ID)
    return refuse(`transaction id: the rail's id of the transaction is required (at most ${MAX_ID} characters)`);
  const orderId = cell('orderId');
  if (!orderId || orderId.length > MAX_ID) return refuse(`order id is required (at most ${MAX_ID} characters)`);
  const currency = (cell('currency') || VIETNAMESE_DONG).toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency) || exponentOf(currency) === null)
    return refuse(`currency "${cell('currency')}" is not supported`);
  const gross = amountOf(cell('amount'), currency);
  if (!gross.ok) return refuse(`amount: ${gross.reason}`);
  if (gross.minorUnits === 0n) return refuse('amount: a transaction moves money (not 0)');
  if (movement === 'payment' && gross.minorUnits < 0n)
    return refuse('amount: a payment is positive (a refund is typed refund)');
  const fee = amountOf(cell('fee') || '0', currency);
  if (!fee.ok) return refuse(`fee: ${fee.reason}`);
  const amount = movement === 'refund' && gross.minorUnits > 0n ? -gross.minorUnits : gross.minorUnits;
  const net = amount - fee.minorUnits;
  if (cell('net')) {
    const given = amountOf(cell('net'), currency);
    if (!given.ok) return refuse(`net: ${given.reason}`);
    if (abs(given.minorUnits) !== abs(net))
      return refuse(`net "${cell('net')}" is not amount less fee (${net} in minor units)`);
  }
  const occurredAt = railInstant(cell('transactionTime'));
  if (!occurredAt)
    return refuse(
      `transaction time "${cell('transactionTime')}" is not a time (YYYY-MM-DD HH:mm:ss, DD/MM/YYYY HH:mm:ss or yyyyMMddHHmmss; Vietnam time unless an offset is given)`,
    );
  const settledOn = cell('settlementDate') ? railDay(cell('settlementDate')) : null;
  if (cell('settlementDate') && !settledOn)
    return refuse(`settlement date "${cell('settlementDate')}" is not a day (YYYY-MM-DD or DD/MM/YYYY)`);
  return {
    outcome: 'read',
    line: {
      rail,
      movement,
      railTransactionId,
      orderId,
      currency,
      amount,
      fee: fee.minorUnits,
      net,
      occurredAt,
      settledOn,
      settlementBatch: cell('settlementBatch').slice(0, MAX_ID) || null,
    },
  };
}

function movementOf(type: string): RailMovement | null {
  const key = headerKey(type);
  if ((RAIL_REPORT_TYPES.payment as readonly string[]).includes(key)) return 'payment';
  if ((RAIL_REPORT_TYPES.refund as readonly string[]).includes(key)) return 'refund';
  return null;
}

/** A decimal amount in major units; currencies without decimals (VND) may group thousands with `.` or `,`. */
function amountOf(text: string, currency: string): AmountParse {
  const bare = text.trim().replace(CURRENCY_SUFFIX, '').replace(/\s/g, '');
  const grouped = exponentOf(currency) === 0 && GROUPED_WHOLE_UNITS.test(bare);
  return parseDecimalAmount(grouped ? bare.replace(/[.,]/g, '') : bare, currency);
}

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

function coverageOf(lines: ImportedRailLine[]): RailReport['covers'] {
  if (lines.length === 0) return null;
  const times = lines.map((l) => l.occurredAt.getTime());
  const first = times.reduce((a, b) => Math.min(a, b));
  const last = times.reduce((a, b) => Math.max(a, b));
  return vietnamDaysCovering(new Date(first), new Date(last));
}
