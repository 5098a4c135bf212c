import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ImportedBalanceTransaction, ImportedBankLine, ImportedPayout } from './statement-rows';

/** The only code that writes SQL for imported Stripe transactions, payouts and bank statement lines. */
@Injectable()
export class StatementRepository {
  /** Inserts the transactions not imported before; answers how many were new. */
  async insertBalanceTransactions(
    tx: EntityManager,
    tenantId: string,
    importId: string,
    rows: ImportedBalanceTransaction[],
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const inserted: unknown[] = await tx.query(
      `INSERT INTO finance.stripe_balance_transactions
         (tenant_id, import_id, id, created_at, available_on, currency, amount, fee, net, reporting_category, type, source_id, description, payout_id)
       SELECT $1, $2, t.* FROM unnest($3::text[], $4::timestamptz[], $5::timestamptz[], $6::text[], $7::bigint[], $8::bigint[], $9::bigint[],
                                      $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
         AS t(id, created_at, available_on, currency, amount, fee, net, reporting_category, type, source_id, description, payout_id)
       ON CONFLICT (tenant_id, id) DO NOTHING
       RETURNING id`,
      [
        tenantId,
        importId,
        rows.map((r) => r.id),
        rows.map((r) => r.createdAt),
        rows.map((r) => r.availableOn),
        rows.map((r) => r.currency),
        rows.map((r) => r.amount.toString()),
        rows.map((r) => r.fee.toString()),
        rows.map((r) => r.net.toString()),
        rows.map((r) => r.reportingCategory),
        rows.map((r) => r.type),
        rows.map((r) => r.sourceId),
        rows.map((r) => r.description),
        rows.map((r) => r.payoutId),
      ],
    );
    return inserted.length;
  }

  /**
   * Inserts payouts not imported before (answering those, to be booked) and brings the status
   * and arrival day of known ones up to date (a payout in transit is paid later).
   */
  async upsertPayouts(
    tx: EntityManager,
    tenantId: string,
    importId: string,
    rows: ImportedPayout[],
  ): Promise<ImportedPayout[]> {
    if (rows.length === 0) return [];
    const written: { id: string; inserted: boolean }[] = await tx.query(
      `INSERT INTO finance.stripe_payouts AS p
         (tenant_id, import_id, id, created_at, arrival_date, currency, amount, status, statement_descriptor, balance_transaction_id)
       SELECT $1, $2, t.* FROM unnest($3::text[], $4::timestamptz[], $5::date[], $6::text[], $7::bigint[], $8::text[], $9::text[], $10::text[])
         AS t(id, created_at, arrival_date, currency, amount, status, statement_descriptor, balance_transaction_id)
       ON CONFLICT (tenant_id, id) DO UPDATE SET status = EXCLUDED.status, arrival_date = EXCLUDED.arrival_date
         WHERE (p.status, p.arrival_date) IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.arrival_date)
       RETURNING id, (xmax = 0) AS inserted`,
      [
        tenantId,
        importId,
        rows.map((r) => r.id),
        rows.map((r) => r.createdAt),
        rows.map((r) => r.arrivalDate),
        rows.map((r) => r.currency),
        rows.map((r) => r.amount.toString()),
        rows.map((r) => r.status),
        rows.map((r) => r.statementDescriptor),
        rows.map((r) => r.balanceTransactionId),
      ],
    );
    const inserted = new Set(written.filter((w) => w.inserted).map((w) => w.id));
    return rows.filter((row) => inserted.has(row.id));
  }

  /** Inserts the statement lines not imported before (by the bank's reference); answers those, with their ids. */
  async insertBankLines(
    tx: EntityManager,
    tenantId: string,
    importId: string,
    rows: ImportedBankLine[],
  ): Promise<(ImportedBankLine & { id: string })[]> {
    if (rows.length === 0) return [];
    const inserted: { id: string; reference: string }[] = await tx.query(
      `INSERT INTO finance.bank_statement_lines
         (tenant_id, import_id, reference, booked_on, amount, currency, counterparty, remittance, payout_reference, transfer_reference)
       SELECT $1, $2, t.* FROM unnest($3::text[], $4::date[], $5::bigint[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
         AS t(reference, booked_on, amount, currency, counterparty, remittance, payout_reference, transfer_reference)
       ON CONFLICT (tenant_id, reference) DO NOTHING
       RETURNING id, reference`,
      [
        tenantId,
        importId,
        rows.map((r) => r.reference),
        rows.map((r) => r.bookedOn),
        rows.map((r) => r.amount.toString()),
        rows.map((r) => r.currency),
        rows.map((r) => r.counterparty),
        rows.map((r) => r.remittance),
        rows.map((r) => r.payoutReference),
        rows.map((r) => r.transferReference),
      ],
    );
    const byReference = new Map(rows.map((row) => [row.reference, row]));
    return inserted.map(({ id, reference }) => ({ ...byReference.get(reference)!, id }));
  }
}
