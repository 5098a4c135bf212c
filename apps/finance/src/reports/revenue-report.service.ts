import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  METRICS_MAX_MONTHS,
  RevenueGrouping,
  RevenueReportRequest,
  RevenueReportResponse,
  RevenueReportRow,
} from '@libs/contracts';
import {
  BANK,
  DEFERRED_REVENUE,
  MAKE_GOOD_CREDITS,
  PAYMENT_FEES,
  REVENUE_ACCOUNT,
  STRIPE_BALANCE,
} from '../accounts/account-codes';
import { reportSpan } from '../calendar/calendar-month';
import { SourceKeyKind } from '../ledger/ledger-source-keys';

/** Facts that bill (or take back a bill): their credits to deferred revenue and revenue, net of VAT. */
const BILLING = [
  SourceKeyKind.invoiceFinalized,
  SourceKeyKind.invoiceVoided,
  SourceKeyKind.invoiceReinstated,
  SourceKeyKind.bookingInvoiced,
  SourceKeyKind.makeGoodCredited,
  SourceKeyKind.agreementActivated,
  SourceKeyKind.usageCharged,
  SourceKeyKind.giftPurchased,
];
/** Facts that move money in or out: their debits to Stripe, the bank and the provider's fee. */
const COLLECTION = [
  SourceKeyKind.invoicePaid,
  SourceKeyKind.bookingPaid,
  SourceKeyKind.giftPurchased,
  SourceKeyKind.chargeRefunded,
  SourceKeyKind.disputeOpened,
  SourceKeyKind.disputeWon,
];
const REVENUE = [...Object.values(REVENUE_ACCOUNT), MAKE_GOOD_CREDITS];
const CASH = [STRIPE_BALANCE, BANK, PAYMENT_FEES];

const KEY_COLUMN: Record<RevenueGrouping, string> = {
  stream: 'NULL::text',
  product: '{t}.product_id::text',
  site: '{t}.site_id::text',
  counterparty: '{t}.counterparty_id::text',
};

/**
 * Billed, collected and recognized revenue from the ledger, month by month of posting date. An
 * entry's kind is its source key's prefix (a reversal counts as the kind of what it reverses).
 * Recognition runs post one entry for many schedules, so what they recognized is read from the
 * recognition lines with each schedule's product, site and counterparty.
 */
@Injectable()
export class RevenueReportService {
  constructor(private readonly dataSource: DataSource) {}

  async report(tenantId: string, request: RevenueReportRequest): Promise<RevenueReportResponse> {
    reportSpan(request.from, request.to, METRICS_MAX_MONTHS);
    const groupedBy = request.by ?? 'stream';
    const entryKey = KEY_COLUMN[groupedBy].replace('{t}', 'e');
    const scheduleKey = KEY_COLUMN[groupedBy].replace('{t}', 's');
    const rows: {
      month: string;
      stream: RevenueReportRow['stream'];
      key: string | null;
      currency: string;
      billed: string;
      collected: string;
      recognized: string;
    }[] = await this.dataSource.query(
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
        request.from,
        request.to,
        request.stream ?? null,
        BILLING,
        [DEFERRED_REVENUE, ...REVENUE],
        COLLECTION,
        CASH,
        REVENUE,
      ],
    );
    return { groupedBy, rows };
  }
}
