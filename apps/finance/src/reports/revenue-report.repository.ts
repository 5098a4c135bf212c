import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RevenueGrouping, RevenueReportRow, RevenueStream } from '@libs/contracts';
import { SourceKeyKind } from '../ledger/ledger-source-keys';

/** Which entries and accounts count as what (see `RevenueReportService`). */
export interface RevenueClassification {
  /** Kinds of fact (source key prefixes) that bill, and the accounts their billed amount is credited to. */
  billing: string[];
  billedAccounts: string[];
  /** Kinds of fact that move money, and the accounts that money is debited to. */
  collection: string[];
  cashAccounts: string[];
  /** The revenue accounts (recognized revenue, make-good credits). */
  revenueAccounts: string[];
}

export interface RevenueReportQueryRow {
  month: string;
  stream: RevenueReportRow['stream'];
  key: string | null;
  currency: string;
  billed: string;
  collected: string;
  recognized: string;
}

const KEY_COLUMN: Record<RevenueGrouping, string> = {
  stream: 'NULL::text',
  product: '{t}.product_id::text',
  site: '{t}.site_id::text',
  counterparty: '{t}.counterparty_id::text',
};

/** The only code that reads the ledger for the revenue report. */
@Injectable()
export class RevenueReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Billed, collected and recognized amounts per posting month, stream, key of the grouping and
   * currency, for the months `from` to `to` (`YYYY-MM`). An entry's kind is its source key's prefix
   * (a reversal counts as the kind of what it reverses); what recognition runs recognized is read
   * from the recognition lines, with each schedule's product, site and counterparty.
   */
  findMonthlyRevenue(
    tenantId: string,
    span: { from: string; to: string; stream: RevenueStream | null },
    groupedBy: RevenueGrouping,
    kinds: RevenueClassification,
  ): Promise<RevenueReportQueryRow[]> {
    const entryKey = KEY_COLUMN[groupedBy].replace('{t}', 'e');
    const scheduleKey = KEY_COLUMN[groupedBy].replace('{t}', 's');
    return this.dataSource.query(
      `WITH period AS (SELECT to_date($2, 'YYYY-MM') AS first_day, (to_date($3, 'YYYY-MM') + interval '1 month')::date AS after_day),
         facts AS (
           SELECT e.posted_on, e.stream, ${entryKey} AS key, p.currency,
                  CASE WHEN kind.name = ANY($5) AND a.code = ANY($6) THEN -p.amount ELSE 0 END AS billed,
                  CASE WHEN kind.name = ANY($7) AND a.code = ANY($8) THEN p.amount ELSE 0 END AS collected,
                  CASE WHEN kind.name <> '${SourceKeyKind.recognition}' AND a.code = ANY($9) THEN -p.amount ELSE 0 END AS recognized
             FROM finance.journal_entries e
             JOIN period ON e.posted_on >= period.first_day AND e.posted_on < period.after_day
             LEFT JOIN finance.journal_entries o ON o.id = e.reverses_entry_id
             CROSS JOIN LATERAL (SELECT split_part(COALESCE(o.source_key, e.source_key), ':', 1) AS name) kind
             JOIN finance.postings p ON p.entry_id = e.id AND p.tenant_id = e.tenant_id
             JOIN finance.accounts a ON a.id = p.account_id
            WHERE e.tenant_id = $1 AND e.stream IS NOT NULL AND ($4::text IS NULL OR e.stream = $4)
           UNION ALL
           SELECT e.posted_on, s.stream, ${scheduleKey}, s.currency, 0, 0, l.amount
             FROM finance.recognition_lines l
             JOIN finance.journal_entries e ON e.id = l.entry_id
             JOIN period ON e.posted_on >= period.first_day AND e.posted_on < period.after_day
             JOIN finance.recognition_schedules s ON s.id = l.schedule_id
            WHERE l.tenant_id = $1 AND split_part(e.source_key, ':', 1) = '${SourceKeyKind.recognition}' AND ($4::text IS NULL OR s.stream = $4)
         )
         SELECT to_char(posted_on, 'YYYY-MM') AS month, stream, key, trim(currency) AS currency,
                sum(billed)::text AS billed, sum(collected)::text AS collected, sum(recognized)::text AS recognized
           FROM facts
          GROUP BY 1, 2, 3, 4
         HAVING sum(billed) <> 0 OR sum(collected) <> 0 OR sum(recognized) <> 0
          ORDER BY 1, 2, 3 NULLS FIRST, 4`,
      [
        tenantId,
        span.from,
        span.to,
        span.stream,
        kinds.billing,
        kinds.billedAccounts,
        kinds.collection,
        kinds.cashAccounts,
        kinds.revenueAccounts,
      ],
    );
  }
}
