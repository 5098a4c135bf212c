import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { parseMinorUnits } from '@libs/common';
import { AgreementActivatedEvent, EventEnvelope, StatementIssuedEvent, UsageChargedEvent } from '@libs/contracts';
import {
  ACCOUNTS_RECEIVABLE,
  DEFERRED_REVENUE,
  REVENUE_ACCOUNT,
  ROYALTIES,
  ROYALTIES_PAYABLE,
  VAT_PAYABLE,
} from '../accounts/account-codes';
import { AgencyCalendar } from '../calendar/agency-calendar';
import { daysBetween, postingDateOf } from '../calendar/posting-date';
import { credit, debit, withoutZeros } from '../ledger/entry-lines';
import { LedgerSourceKey } from '../ledger/ledger-source-keys';
import { EntryDimensions } from '../ledger/ledger.repository';
import { LedgerService } from '../ledger/ledger.service';
import { RecognitionSchedulesService } from '../recognition/recognition-schedules.service';

/** Content licensing on accrual: flat fees deferred and recognized over the term, usage when used, royalties owed. */
@Injectable()
export class LicensingRevenueService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly calendar: AgencyCalendar,
    private readonly schedules: RecognitionSchedulesService,
  ) {}

  /** Dr receivable (flat fee) / Cr VAT payable / Cr deferred revenue, with a ratable schedule over the term. */
  async activate(tx: EntityManager, event: EventEnvelope<AgreementActivatedEvent>): Promise<void> {
    const { agreementId, licenseeId, currency } = event.data;
    const [fee, tax] = [event.data.flatFee, event.data.tax].map(parseMinorUnits);
    const dimensions = withLicensee(licenseeId);
    const lines = withoutZeros([
      debit(ACCOUNTS_RECEIVABLE, currency, fee),
      credit(VAT_PAYABLE, currency, tax),
      credit(DEFERRED_REVENUE, currency, fee - tax),
    ]);
    if (lines.length === 0) return;
    const timeZone = await this.calendar.timeZoneOf(tx, event.tenantId);
    await this.ledger.post(tx, {
      tenantId: event.tenantId,
      sourceKey: LedgerSourceKey.agreementActivated(agreementId),
      postedOn: postingDateOf(event.data.activatedAt, timeZone),
      description: `Licence agreement ${agreementId} activated: flat fee billed`,
      lines,
      dimensions,
    });
    const firstDay = postingDateOf(event.data.termStart, timeZone);
    await this.schedules.open(tx, {
      tenantId: event.tenantId,
      sourceRef: `agreement:${agreementId}`,
      ...dimensions,
      stream: 'licensing',
      currency,
      method: 'ratable',
      status: 'active',
      billed: fee,
      tax,
      firstDay,
      days: Math.max(1, daysBetween(firstDay, postingDateOf(event.data.termEnd, timeZone))),
      providerChargeId: null,
    });
  }

  /** Dr receivable / Cr VAT payable / Cr licensing revenue: usage is earned when used. */
  async chargeUsage(tx: EntityManager, event: EventEnvelope<UsageChargedEvent>): Promise<void> {
    const { usageId, agreementId, licenseeId, currency, articleIds } = event.data;
    const [amount, tax] = [event.data.amount, event.data.tax].map(parseMinorUnits);
    const lines = withoutZeros([
      debit(ACCOUNTS_RECEIVABLE, currency, amount),
      credit(VAT_PAYABLE, currency, tax),
      credit(REVENUE_ACCOUNT.licensing, currency, amount - tax),
    ]);
    if (lines.length === 0) return;
    await this.ledger.post(tx, {
      tenantId: event.tenantId,
      sourceKey: LedgerSourceKey.usageCharged(usageId),
      postedOn: await this.calendar.dayOf(tx, event.tenantId, event.data.chargedAt),
      description: `Licensed usage ${usageId} under agreement ${agreementId} (${articleIds.length} article${articleIds.length === 1 ? '' : 's'})`,
      lines,
      dimensions: withLicensee(licenseeId),
    });
  }

  /** Dr royalties / Cr royalties payable: what the statement says the agency owes rights holders. */
  async issueStatement(tx: EntityManager, event: EventEnvelope<StatementIssuedEvent>): Promise<void> {
    const { statementId, agreementId, licenseeId, currency, periodStart, periodEnd } = event.data;
    const due = parseMinorUnits(event.data.royaltiesDue);
    if (due === 0n) return;
    await this.ledger.post(tx, {
      tenantId: event.tenantId,
      sourceKey: LedgerSourceKey.statementIssued(statementId),
      postedOn: await this.calendar.dayOf(tx, event.tenantId, event.data.issuedAt),
      description: `Royalty statement ${statementId} for agreement ${agreementId}, ${periodStart} to ${periodEnd}`,
      lines: [debit(ROYALTIES, currency, due), credit(ROYALTIES_PAYABLE, currency, due)],
      dimensions: withLicensee(licenseeId),
    });
  }
}

function withLicensee(licenseeId: string): EntryDimensions {
  return { stream: 'licensing', productId: null, siteId: null, counterpartyId: licenseeId };
}
