import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';

/** `format=csv` on a report route: the same rows as a spreadsheet file instead of JSON. */
export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The query parameter a report route adds to its request (`IntersectionType(Request, ReportFormatQuery)`). */
export class ReportFormatQuery {
  /** `csv` for a spreadsheet file of the same rows. */
  @IsOptional() @IsIn(REPORT_FORMATS) format?: ReportFormat;
}

/**
 * RFC 4180 text of `rows`, one column per key of `columns`, header first. A text cell that a
 * spreadsheet would run as a formula (=, +, -, @ first, and not a number) is prefixed with `'`.
 */
export function toCsv<Row extends object>(rows: readonly Row[], columns: readonly (keyof Row & string)[]): string {
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
