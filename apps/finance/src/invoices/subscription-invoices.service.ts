import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { parseMinorUnits } from '@libs/common';
import { EventEnvelope, InvoicePaidEvent, InvoiceVoided, InvoiceVoidedEvent } from '@libs/contracts';
import { ACCOUNTS_RECEIVABLE, DEFERRED_REVENUE, PAYMENT_FEES, REVENUE_ACCOUNT, STRIPE_BALANCE, VAT_PAYABLE } from '../accounts/account-codes';
import { credit, debit, withoutZeros } from '../ledger/entry-lines';
import { EntryDimensions, LedgerRepository } from '../ledger/ledger.repository';
import { LedgerService } from '../ledger/ledger.service';
import { daysBetween, postingDateOf } from '../ledger/posting-date';
import { ParkedEventsRepository } from '../parked-events/parked-events.repository';
import { RecognitionSchedulesService, amountsOf } from '../recognition/recognition-schedules.service';
import { voidParts } from '../recognition/schedule-arithmetic';
import { RefundsAndDisputesService } from '../refunds-and-disputes/refunds-and-disputes.service';
import { AgencyCalendar } from '../tenants/agency-calendar';

export const SUBSCRIPTIONS: EntryDimensions = { stream: 'subscriptions', productId: null, siteId: null, counterpartyId: null };

/** An invoice as billed: from InvoiceFinalized, or from InvoicePaid when finalize never reached the books. */
export interface BilledInvoice {
  providerInvoiceId: string;
  currency: string;
  amountDue: bigint;
  tax: bigint;
  servicePeriodStart: string;
  servicePeriodEnd: string;
  billedAt: string;
}

/**
 * Subscription invoices on accrual: billed (receivable, VAT, deferred revenue and a ratable
 * schedule over the service period), collected (provider balance, fee, receivable), voided
 * (what the billing posted and is still open, reversed).
 */
@Injectable()
export class SubscriptionInvoicesService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly entries: LedgerRepository,
    private readonly calendar: AgencyCalendar,
    private readonly schedules: RecognitionSchedulesService,
    private readonly parked: ParkedEventsRepository,
    private readonly refunds: RefundsAndDisputesService,
  ) {}

  /** Dr receivable (amount due) / Cr VAT payable (tax) / Cr deferred revenue (due − tax); posted once per invoice. */
  async bill(tx: EntityManager, tenantId: string, invoice: BilledInvoice): Promise<void> {
    const { providerInvoiceId: id, currency, amountDue, tax } = invoice;
    if (amountDue === 0n) return;
    const timeZone = await this.calendar.timeZoneOf(tx, tenantId);
    await this.ledger.post(tx, {
      tenantId,
      sourceKey: `invoice-finalized:${id}`,
      postedOn: postingDateOf(invoice.billedAt, timeZone),
      description: `Subscription invoice ${id} billed`,
      lines: withoutZeros([debit(ACCOUNTS_RECEIVABLE, currency, amountDue), credit(VAT_PAYABLE, currency, tax), credit(DEFERRED_REVENUE, currency, amountDue - tax)]),
      dimensions: SUBSCRIPTIONS,
    });
    const firstDay = postingDateOf(invoice.servicePeriodStart, timeZone);
    await this.schedules.open(tx, {
      tenantId, sourceRef: `invoice:${id}`, ...SUBSCRIPTIONS, stream: 'subscriptions', currency, method: 'ratable', status: 'active',
      billed: amountDue, tax, firstDay, days: Math.max(1, daysBetween(firstDay, postingDateOf(invoice.servicePeriodEnd, timeZone))), providerChargeId: null,
    });
    for (const parked of await this.parked.release(tx, tenantId, `invoice:${id}`)) {
      if (parked.type === InvoiceVoided.subject) await this.void(tx, parked as EventEnvelope<InvoiceVoidedEvent>);
    }
  }

  /**
   * Bills the invoice first when its finalize has not reached the books (older data, or events
   * out of order: the same source key, so the later finalize changes nothing), then
   * Dr provider balance (paid − fee), Dr payment fees / Cr receivable (paid).
   */
  async collect(tx: EntityManager, event: EventEnvelope<InvoicePaidEvent>): Promise<void> {
    const { providerInvoiceId: id, currency, providerChargeId } = event.data;
    const [paid, tax, fee] = [event.data.amountPaid, event.data.tax, event.data.providerFee].map(parseMinorUnits);
    await this.bill(tx, event.tenantId, {
      providerInvoiceId: id, currency, amountDue: paid, tax, servicePeriodStart: event.data.servicePeriodStart,
      servicePeriodEnd: event.data.servicePeriodEnd, billedAt: event.data.paidAt,
    });
    await this.reinstateIfWrittenOff(tx, event);
    const lines = withoutZeros([debit(STRIPE_BALANCE, currency, paid - fee), debit(PAYMENT_FEES, currency, fee), credit(ACCOUNTS_RECEIVABLE, currency, paid)]);
    if (lines.length > 0) {
      await this.ledger.post(tx, {
        tenantId: event.tenantId,
        sourceKey: `invoice-paid:${id}`,
        postedOn: await this.calendar.dayOf(tx, event.tenantId, event.data.paidAt),
        description: `Subscription invoice ${id} paid`,
        lines,
        dimensions: SUBSCRIPTIONS,
      });
    }
    if (providerChargeId) {
      await this.schedules.attachCharge(tx, event.tenantId, `invoice:${id}`, providerChargeId);
      await this.refunds.replayWaitingFor(tx, event.tenantId, providerChargeId);
    }
  }

  /**
   * An invoice written off as uncollectible and paid after all: the write-off is negated (receivable,
   * VAT, deferred revenue and any revenue it took back return) before the payment is booked.
   */
  private async reinstateIfWrittenOff(tx: EntityManager, event: EventEnvelope<InvoicePaidEvent>): Promise<void> {
    const id = event.data.providerInvoiceId;
    const schedule = await this.schedules.findBySourceForUpdate(tx, event.tenantId, `invoice:${id}`);
    if (schedule?.status !== 'voided') return;
    const writeOff = await this.entries.findEntryIdBySourceKey(tx, event.tenantId, `invoice-voided:${id}`);
    if (!writeOff) return;
    const postings = await this.entries.findPostingsOfEntries(event.tenantId, [writeOff], tx);
    const debitOn = (code: string) => postings.filter((p) => p.account_code === code).reduce((sum, p) => sum + BigInt(p.amount), 0n);
    const posted = await this.ledger.post(tx, {
      tenantId: event.tenantId,
      sourceKey: `invoice-reinstated:${id}`,
      postedOn: await this.calendar.dayOf(tx, event.tenantId, event.data.paidAt),
      description: `Subscription invoice ${id} paid after its write-off: write-off reversed`,
      lines: postings.map((p) => ({ accountCode: p.account_code, currency: p.currency.trim(), amount: -BigInt(p.amount) })),
      dimensions: SUBSCRIPTIONS,
    });
    if (posted.created) await this.schedules.reinstate(tx, schedule, { deferred: debitOn(DEFERRED_REVENUE), earned: debitOn(REVENUE_ACCOUNT.subscriptions) });
  }

  /**
   * Reverses what the billing posted and is still open: Dr VAT payable, Dr deferred revenue (the
   * part not recognized), Dr subscription revenue (any part recognized meanwhile) / Cr receivable.
   * A void before its invoice's billing waits for it.
   */
  async void(tx: EntityManager, event: EventEnvelope<InvoiceVoidedEvent>): Promise<void> {
    const { providerInvoiceId: id, currency, reason } = event.data;
    const schedule = await this.schedules.findBySourceForUpdate(tx, event.tenantId, `invoice:${id}`);
    if (!schedule) return this.parked.park(tx, `invoice:${id}`, event);
    const [amount, tax] = [event.data.amount, event.data.tax].map(parseMinorUnits);
    const parts = voidParts(amountsOf(schedule), amount, tax);
    const lines = withoutZeros([
      debit(VAT_PAYABLE, currency, parts.tax), debit(DEFERRED_REVENUE, currency, parts.deferred),
      debit(REVENUE_ACCOUNT.subscriptions, currency, parts.earned), credit(ACCOUNTS_RECEIVABLE, currency, amount),
    ]);
    if (lines.length === 0) return;
    const posted = await this.ledger.post(tx, {
      tenantId: event.tenantId,
      sourceKey: `invoice-voided:${id}`,
      postedOn: await this.calendar.dayOf(tx, event.tenantId, event.data.voidedAt),
      description: `Subscription invoice ${id} ${reason === 'void' ? 'voided' : 'written off as uncollectible'}: billing reversed`,
      lines,
      dimensions: SUBSCRIPTIONS,
    });
    if (posted.created) await this.schedules.withdraw(tx, schedule, parts, { voided: true });
  }
}
