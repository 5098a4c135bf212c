import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, Caller, EventOutbox, NotFoundError, ValidationFailedError } from '@libs/common';
import {
  BankTransferReceived,
  PaymentRailName,
  RECONCILIATION_LIST_LIMIT,
  ReconciliationImportSource,
  ReconciliationImportView,
  StartStripeApiImportRequest,
} from '@libs/contracts';
import { parseBankCsv } from '../files/bank-csv.parser';
import { parseCamt053 } from '../files/camt053.parser';
import { parseStripeReport } from '../files/stripe-report.parser';
import { RailReportLineRepository } from '../rails/rail-report-line.repository';
import { parseRailReport } from '../rails/rail-report.parser';
import { RailSettlementBookingsService } from '../rails/rail-settlement-bookings.service';
import { PayoutBookingsService } from '../statements/payout-bookings.service';
import { FileParse, ImportedBankLine } from '../statements/statement-rows';
import { StatementRepository } from '../statements/statement.repository';
import { toReconciliationImportView } from './reconciliation-import.mapper';
import { FileImportCounts, ReconciliationImportRepository } from './reconciliation-import.repository';
import { StripeApiImportRunner } from './stripe-api-import.runner';

/**
 * Brings Stripe activity, the payment rails' reports and bank statements into finance: from
 * Stripe's API as a job a runner works through, or from a file in one transaction. A file with
 * any bad row is refused whole, naming each bad row; rows imported before (same Stripe id, rail
 * transaction id or bank reference) are left alone. A new bank credit naming a transfer reference
 * is told to the stream that issued it (BankTransferReceived).
 */
@Injectable()
export class ReconciliationImportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly imports: ReconciliationImportRepository,
    private readonly statements: StatementRepository,
    private readonly payouts: PayoutBookingsService,
    private readonly railLines: RailReportLineRepository,
    private readonly settlements: RailSettlementBookingsService,
    private readonly runner: StripeApiImportRunner,
    private readonly audit: AuditTrail,
    private readonly outbox: EventOutbox,
  ) {}

  async startApiImport(caller: Caller, request: StartStripeApiImportRequest): Promise<ReconciliationImportView> {
    const range = { from: new Date(request.from), to: new Date(request.to) };
    if (range.to <= range.from) throw new ValidationFailedError([{ field: 'to', message: 'to must be after from' }]);
    const job = await this.imports.enqueueApiImport(caller.tenantId, range, caller.actor);
    this.runner.wake();
    return toReconciliationImportView(job);
  }

  async importStripeReport(caller: Caller, content: string): Promise<ReconciliationImportView> {
    const report = accepted(parseStripeReport(content));
    return this.importFile(caller, 'stripe-csv', async (tx, importId) => {
      const imported = await this.statements.insertBalanceTransactions(
        tx,
        caller.tenantId,
        importId,
        report.rows.transactions,
      );
      const added = await this.statements.upsertPayouts(tx, caller.tenantId, importId, report.rows.payouts);
      await this.payouts.bookSent(tx, caller.tenantId, added);
      const read = report.rows.transactions.length;
      return { read, imported, alreadyImported: read - imported, skipped: 0 };
    });
  }

  /** A rail's report: its lines kept for the runs, its settled lines booked to the bank at once. */
  async importRailReport(caller: Caller, rail: PaymentRailName, content: string): Promise<ReconciliationImportView> {
    const report = accepted(parseRailReport(rail, content));
    const { lines, covers } = report.rows;
    return this.importFile(
      caller,
      `${rail}-csv`,
      async (tx, importId) => {
        const imported = await this.railLines.upsert(tx, caller.tenantId, importId, lines);
        await this.settlements.bookSettled(tx, caller.tenantId, lines);
        const read = lines.length + report.skipped;
        return { read, imported, alreadyImported: lines.length - imported, skipped: report.skipped };
      },
      covers,
    );
  }

  importBankCsv(caller: Caller, content: string): Promise<ReconciliationImportView> {
    return this.importBankLines(caller, 'bank-csv', accepted(parseBankCsv(content)));
  }

  importCamt053(caller: Caller, content: string): Promise<ReconciliationImportView> {
    return this.importBankLines(caller, 'camt053', accepted(parseCamt053(content)));
  }

  async get(tenantId: string, id: string): Promise<ReconciliationImportView> {
    const job = await this.imports.findOfTenant(tenantId, id);
    if (!job) throw new NotFoundError('reconciliation import', id);
    return toReconciliationImportView(job);
  }

  async list(tenantId: string, limit: number = RECONCILIATION_LIST_LIMIT.default): Promise<ReconciliationImportView[]> {
    return (await this.imports.listOfTenant(tenantId, limit)).map(toReconciliationImportView);
  }

  private importBankLines(
    caller: Caller,
    source: ReconciliationImportSource,
    statement: FileParse<ImportedBankLine[]> & { ok: true },
  ): Promise<ReconciliationImportView> {
    return this.importFile(caller, source, async (tx, importId) => {
      const imported = await this.statements.insertBankLines(tx, caller.tenantId, importId, statement.rows);
      await this.tellTransfers(tx, caller.tenantId, imported);
      const read = statement.rows.length + statement.skipped;
      return {
        read,
        imported: imported.length,
        alreadyImported: statement.rows.length - imported.length,
        skipped: statement.skipped,
      };
    });
  }

  /**
   * Each new credit naming a transfer reference is told to the streams (BankTransferReceived), in
   * the import's transaction: the stream that issued the reference applies the money, once per line.
   */
  private async tellTransfers(
    tx: EntityManager,
    tenantId: string,
    lines: (ImportedBankLine & { id: string })[],
  ): Promise<void> {
    const importedAt = new Date().toISOString();
    await this.outbox.addAll(
      tx,
      BankTransferReceived,
      lines
        .filter((line) => line.transferReference !== null && line.amount > 0n)
        .map((line) => ({
          tenantId,
          subject: line.id,
          data: {
            bankLineId: line.id,
            transferReference: line.transferReference!,
            currency: line.currency,
            amount: line.amount.toString(),
            bookedOn: line.bookedOn,
            bankReference: line.reference,
            counterparty: line.counterparty,
            importedAt,
          },
        })),
    );
  }

  /** The rows, the import's record and its audit entry commit together, or nothing does. */
  private async importFile(
    caller: Caller,
    source: ReconciliationImportSource,
    write: (tx: EntityManager, importId: string) => Promise<FileImportCounts>,
    covers: { from: Date; to: Date } | null = null,
  ): Promise<ReconciliationImportView> {
    const importId = await this.dataSource.transaction(async (tx) => {
      const id = await this.imports.insertFileImport(tx, caller.tenantId, source, caller.actor, covers);
      const counts = await write(tx, id);
      await this.imports.recordFileCounts(tx, id, counts);
      await this.audit.record(tx, {
        tenantId: caller.tenantId,
        action: 'reconciliation-import.imported',
        targetType: 'reconciliation-import',
        targetId: id,
        after: { source, ...counts },
      });
      return id;
    });
    return this.get(caller.tenantId, importId);
  }
}

function accepted<T>(parsed: FileParse<T>): FileParse<T> & { ok: true } {
  if (!parsed.ok) throw new ValidationFailedError(parsed.errors);
  return parsed;
}
