import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ImportedRailLine } from './rail-report-rows';

/** The only code that writes SQL for imported lines of the rails' reports. */
@Injectable()
export class RailReportLineRepository {
  /**
   * Inserts the lines not imported before and gives known ones the settlement they lacked (a
   * transaction report first, its settlement later); answers how many were new.
   */
  async upsert(tx: EntityManager, tenantId: string, importId: string, lines: ImportedRailLine[]): Promise<number> {
    if (lines.length === 0) return 0;
    const written: { inserted: boolean }[] = await tx.query(
      `INSERT INTO finance.rail_report_lines AS l
         (tenant_id, import_id, rail, movement, rail_transaction_id, order_id, currency, amount, fee, net, occurred_at, settled_on, settlement_batch)
       SELECT $1, $2, t.* FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::bigint[], $10::bigint[],
                                      $11::timestamptz[], $12::date[], $13::text[])
         AS t(rail, movement, rail_transaction_id, order_id, currency, amount, fee, net, occurred_at, settled_on, settlement_batch)
       ON CONFLICT (tenant_id, rail, movement, rail_transaction_id) DO UPDATE
         SET settled_on = EXCLUDED.settled_on, settlement_batch = EXCLUDED.settlement_batch
         WHERE l.settled_on IS NULL AND EXCLUDED.settled_on IS NOT NULL
       RETURNING (xmax = 0) AS inserted`,
      [
        tenantId,
        importId,
        lines.map((l) => l.rail),
        lines.map((l) => l.movement),
        lines.map((l) => l.railTransactionId),
        lines.map((l) => l.orderId),
        lines.map((l) => l.currency),
        lines.map((l) => l.amount.toString()),
        lines.map((l) => l.fee.toString()),
        lines.map((l) => l.net.toString()),
        lines.map((l) => l.occurredAt),
        lines.map((l) => l.settledOn),
        lines.map((l) => l.settlementBatch),
      ],
    );
    return written.filter((w) => w.inserted).length;
  }
}
