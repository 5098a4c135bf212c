import { Injectable } from '@nestjs/common';
import { METRICS_MAX_MONTHS, RevenueReportRequest, RevenueReportResponse } from '@libs/contracts';
import {
  BANK,
  CLEARING_ACCOUNT,
  DEFERRED_REVENUE,
  MAKE_GOOD_CREDITS,
  PAYMENT_FEES,
  REVENUE_ACCOUNT,
  STRIPE_BALANCE,
} from '../accounts/account-codes';
import { reportSpan } from '../calendar/calendar-month';
import { SourceKeyKind } from '../ledger/ledger-source-keys';
import { RevenueReportRepository } from './revenue-report.repository';

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
/** Facts that move money in or out: their debits to Stripe, the rails' clearing, the bank and the provider's fee. */
const COLLECTION = [
  SourceKeyKind.invoicePaid,
  SourceKeyKind.bookingPaid,
  SourceKeyKind.giftPurchased,
  SourceKeyKind.chargeRefunded,
  SourceKeyKind.disputeOpened,
  SourceKeyKind.disputeWon,
  SourceKeyKind.paymentSucceeded,
  SourceKeyKind.paymentRefunded,
];
const REVENUE = [...Object.values(REVENUE_ACCOUNT), MAKE_GOOD_CREDITS];
const CASH = [STRIPE_BALANCE, ...Object.values(CLEARING_ACCOUNT), BANK, PAYMENT_FEES];

/**
 * Billed, collected and recognized revenue from the ledger, month by month of posting date. An
 * entry's kind is its source key's prefix (a reversal counts as the kind of what it reverses).
 * Recognition runs post one entry for many schedules, so what they recognized is read from the
 * recognition lines with each schedule's product, site and counterparty.
 */
@Injectable()
export class RevenueReportService {
  constructor(private readonly revenue: RevenueReportRepository) {}

  async report(tenantId: string, request: RevenueReportRequest): Promise<RevenueReportResponse> {
    reportSpan(request.from, request.to, METRICS_MAX_MONTHS);
    const groupedBy = request.by ?? 'stream';
    const rows = await this.revenue.findMonthlyRevenue(
      tenantId,
      { from: request.from, to: request.to, stream: request.stream ?? null },
      groupedBy,
      {
        billing: BILLING,
        billedAccounts: [DEFERRED_REVENUE, ...REVENUE],
        collection: COLLECTION,
        cashAccounts: CASH,
        revenueAccounts: REVENUE,
      },
    );
    return { groupedBy, rows };
  }
}
