import type { FastifyReply } from 'fastify';

/**
 * RFC 4180 text of `rows`, one column per key of `columns`, header first. A text cell that a
 * spreadsheet would run as a formula (=, +, -, @ first, and not a number) is prefixed with `'`.
 */
function toCsv<Row extends object>(rows: readonly Row[], columns: readonly (keyof Row & string)[]): string {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((column) => cell(row[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Sends `rows` as an attachment named `filename`. */
export function sendCsv<Row extends object>(
  reply: FastifyReply,
  filename: string,
  rows: readonly Row[],
  columns: readonly (keyof Row & string)[],
): string {
  void reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`);
  return toCsv(rows, columns);
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?[0-9]+(\.[0-9]+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
