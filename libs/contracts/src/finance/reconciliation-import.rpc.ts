import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ByIdRequest } from '../by-id.request';
import { defineRpc } from '../define-rpc';
import { MaxBytes } from '../max-bytes.validator';
import { PAYMENT_RAILS, PaymentRailName } from '../payments/payment-rail';

/** `momo-csv`, `vnpay-csv`, `payos-csv`: a payment rail's transaction or settlement report. */
export const RECONCILIATION_IMPORT_SOURCES = [
  'stripe-api',
  'stripe-csv',
  'bank-csv',
  'camt053',
  'momo-csv',
  'vnpay-csv',
  'payos-csv',
] as const;
export type ReconciliationImportSource = (typeof RECONCILIATION_IMPORT_SOURCES)[number];
export const RECONCILIATION_IMPORT_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ReconciliationImportStatus = (typeof RECONCILIATION_IMPORT_STATUSES)[number];
/** An API import reads balance transactions, then payouts; a file is read in one go. */
export const RECONCILIATION_IMPORT_PHASES = ['balance-transactions', 'payouts', 'done'] as const;
export type ReconciliationImportPhase = (typeof RECONCILIATION_IMPORT_PHASES)[number];

export const RECONCILIATION_LIST_LIMIT = { default: 20, max: 100 } as const;
/**
 * Largest file taken in one request, in bytes (UTF-8): it travels to finance in one NATS message
 * (1 MiB by default), with room for the JSON around it. Larger statements are split by period.
 */
export const IMPORT_FILE_MAX_BYTES = 900_000;

export class StartStripeApiImportRequest {
  @IsIn(['stripe-api']) source!: 'stripe-api';
  /** Transactions and payouts created from this instant (inclusive)… */
  @IsISO8601({ strict: true }) from!: string;
  /** …until this one (exclusive). */
  @IsISO8601({ strict: true }) to!: string;
}

/** A file as received: a Stripe report or a bank statement. */
export class ImportFileRequest {
  @IsString() @MaxBytes(IMPORT_FILE_MAX_BYTES) content!: string;
}

/** A payment rail's transaction or settlement report as exported from its merchant portal (CSV). */
export class ImportRailReportRequest extends ImportFileRequest {
  @IsIn(PAYMENT_RAILS) rail!: PaymentRailName;
}

export class ImportRowCounts {
  /** Rows (transactions, payouts, statement lines) read from the provider or the file. */
  @IsInt() @Min(0) read!: number;
  /** Rows new to the agency's records. */
  @IsInt() @Min(0) imported!: number;
  /** Rows already imported before (same Stripe id or bank reference): left as they were. */
  @IsInt() @Min(0) alreadyImported!: number;
  /** Rows read but not taken, e.g. statement entries not yet booked, a rail's failed or pending transactions. */
  @IsInt() @Min(0) skipped!: number;
}

/** One import of Stripe activity or a bank statement, and how far it has come. */
export class ReconciliationImportView {
  @IsUUID() id!: string;
  @IsIn(RECONCILIATION_IMPORT_SOURCES) source!: ReconciliationImportSource;
  @IsIn(RECONCILIATION_IMPORT_STATUSES) status!: ReconciliationImportStatus;
  @IsIn(RECONCILIATION_IMPORT_PHASES) phase!: ReconciliationImportPhase;
  /**
   * The range asked of the provider (API imports), or the days a rail's report covers (from the
   * start of its first transaction's day to the end of its last's, Vietnam time); null for other files.
   */
  @Nullable() @IsOptional() @IsString() from!: string | null;
  @Nullable() @IsOptional() @IsString() to!: string | null;
  @ValidateNested() @Type(() => ImportRowCounts) rows!: ImportRowCounts;
  /** Provider pages read so far (API imports). */
  @IsInt() @Min(0) pages!: number;
  /** How far through the range the import is, in whole percent (from the creation time of the last row read); null before the first page. */
  @Nullable() @IsOptional() @IsInt() @Min(0) @Max(100) percent!: number | null;
  /** Rows read per second, from the start to the last recorded progress (or the end). */
  @Nullable() @IsOptional() @IsNumber() @Min(0) rowsPerSecond!: number | null;
  /** Failed attempts at a page, newest last (a page is tried again a few times before the import fails). */
  @IsString({ each: true }) errors!: string[];
  @IsString() queuedAt!: string;
  @Nullable() @IsOptional() @IsString() startedAt!: string | null;
  @Nullable() @IsOptional() @IsString() finishedAt!: string | null;
  /** When the instance running the import last showed it was alive; a stale one is taken over. */
  @Nullable() @IsOptional() @IsString() heartbeatAt!: string | null;
}

export class ReconciliationImportListResponse {
  @ValidateNested({ each: true }) @Type(() => ReconciliationImportView) items!: ReconciliationImportView[];
}

export class ListReconciliationImportsRequest {
  /** How many of the newest imports (default 20). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(RECONCILIATION_LIST_LIMIT.max) limit?: number;
}

export const StartStripeApiImport = defineRpc({
  subject: 'finance.reconciliation-import.start.v1',
  request: StartStripeApiImportRequest,
  response: ReconciliationImportView,
  description:
    "Queues an import of the agency's Stripe balance transactions and payouts created in a range; answers the job at once, or 409 while another API import of the agency is queued or running.",
  roles: ['admin', 'finance'],
});

export const ImportStripeReport = defineRpc({
  subject: 'finance.reconciliation-import.stripe-report.v1',
  request: ImportFileRequest,
  response: ReconciliationImportView,
  description:
    'Imports a Stripe balance report CSV (itemized balance transactions); all or nothing, rows already imported (by balance transaction id) are left alone.',
  roles: ['admin', 'finance'],
});

export const ImportBankCsv = defineRpc({
  subject: 'finance.reconciliation-import.bank-csv.v1',
  request: ImportFileRequest,
  response: ReconciliationImportView,
  description:
    "Imports a bank statement in the suite's CSV format; all or nothing, lines already imported (by bank reference) are left alone.",
  roles: ['admin', 'finance'],
});

export const ImportCamt053 = defineRpc({
  subject: 'finance.reconciliation-import.camt053.v1',
  request: ImportFileRequest,
  response: ReconciliationImportView,
  description:
    'Imports an ISO 20022 camt.053 bank statement; all or nothing, entries already imported (by account servicer reference) are left alone.',
  roles: ['admin', 'finance'],
});

export const ImportRailReport = defineRpc({
  subject: 'finance.reconciliation-import.rail-report.v1',
  request: ImportRailReportRequest,
  response: ReconciliationImportView,
  description:
    "Imports a payment rail's (MoMo, VNPay, payOS) transaction or settlement report CSV and books its settled lines from the rail's clearing account to the bank, fees apart; all or nothing, lines imported before (by the rail's transaction id) are left alone.",
  roles: ['admin', 'finance'],
});

export const GetReconciliationImport = defineRpc({
  subject: 'finance.reconciliation-import.get.v1',
  request: ByIdRequest,
  response: ReconciliationImportView,
  description: 'One reconciliation import: status, phase, rows, percent, rate, errors.',
  roles: ['admin', 'finance'],
});

export const ListReconciliationImports = defineRpc({
  subject: 'finance.reconciliation-import.list.v1',
  request: ListReconciliationImportsRequest,
  response: ReconciliationImportListResponse,
  description: "The agency's reconciliation imports, newest first.",
  roles: ['admin', 'finance'],
});
