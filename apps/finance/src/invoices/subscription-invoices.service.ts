import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { parseMinorUnits } from '@libs/common';
import {
  EventEnvelope,
  InvoiceFinalizedEvent,
  InvoicePaidEvent,
  InvoiceVoided,
  InvoiceVoidedEvent,
} from '@libs/contracts';
import {
  ACCOUNTS_RECEIVABLE,
  DEFERRED_REVENUE,
  PAYMENT_FEES,
  REVENUE_ACCOUNT,
  STRIPE_BALANCE,
  VAT_PAYABLE,
} from '../accounts/account-codes';
import { AgencyCalendar } from '../calendar/agency-calendar';
import { daysBetween, postingDateOf } from '../calendar/posting-date';
import { credit, debit, withoutZeros } from '../ledger/entry-lines';
import { LedgerSourceKey } from '../ledger/ledger-source-keys';
import { EntryDimensions, LedgerRepository } from '../ledger/ledger.repository';
import { EntryToPost, LedgerService } from '../ledger/ledger.service';
import { RecognitionSchedule } from '../recognition/recognition-schedule.entity';
import { NewSchedule } from '../recognition/recognition-schedule.repository';
import { RecognitionSchedulesService, amountsOf } from '../recognition/recognition-schedules.service';
import { voidParts } from '../recognition/schedule-arithmetic';
import { RefundsAndDisputesService } from '../refunds-and-disputes/refunds-and-disputes.service';
import { WaitingEventsService } from '../waiting-events/waiting-events.service';

export const SUBSCRIPTIONS: EntryDimensions = {
  stream: 'subscriptions',
  productId: null,
  siteId: null,
  counterpartyId: null,
};

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

export interface InvoiceToBill extends BilledInvoice {
  tenantId: string;
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
    private readonly waitingEvents: WaitingEventsService,
    private readonly refunds: RefundsAndDisputesService,
  ) {}

  /**
   * Dr receivable (amount due) / Cr VAT payable (tax) / Cr deferred revenue (due − tax), posted once
   * per invoice, for several finalized invoices (of any agencies) at once, with a few statements in
   * all: the entries, the ratable schedules over each service period, and the events that waited
   * for these invoices (replayed one by one after, in the order they began to wait).
   */
  billFinalized(tx: EntityManager, events: EventEnvelope<InvoiceFinalizedEvent>[]): Promise<void> {
    return this.billAll(tx, events.map(billedByFinalize));
  }

  private async billAll(tx: EntityManager, invoices: InvoiceToBill[]): Promise<void> {
    const due = invoices.filter((invoice) => invoice.amountDue !== 0n);
    if (due.length === 0) return;
    await this.postBillings(tx, due, await this.releaseWaitingFor(tx, due), []);
  }

  /**
   * Bills each invoice first when its finalize has not reached the books (older data, or events
   * out of order: the same source key, so the later finalize changes nothing), then
   * Dr provider balance (paid − fee), Dr payment fees / Cr receivable (paid), except for invoices a
   * payment on a rail paid (`paymentId`), whose PaymentSucceeded booked the cash. Several payments (of
   * any agencies) are booked with a few statements in all. When nothing waited for these invoices
   * and none was written off (the common case) billings and collections are posted together; else
   * in that order, with the waiting voids replayed and the write-offs undone in between. Last, each
   * schedule learns the charge or rail payment that paid it, and the refunds that waited for it are booked.
   */
  async collectAll(tx: EntityManager, events: EventEnvelope<InvoicePaidEvent>[]): Promise<void> {
    if (events.length === 0) return;
    const due = events.map(billedByPayment).filter((invoice) => invoice.amountDue !== 0n);
    const waiting = await this.releaseWaitingFor(tx, due);
    const writtenOff = await this.schedules.findVoidedForUpdate(
      tx,
      events.map((event) => ({ tenantId: event.tenantId, sourceRef: invoiceKey(event.data.providerInvoiceId) })),
    );
    const timeZones = await this.calendar.timeZonesOf(
      tx,
      events.map((event) => event.tenantId),
    );
    // An invoice paid on a rail had its cash booked from its payment (Dr clearing / Cr receivable).
    const collections = events
      .filter((event) => !event.data.paymentId)
      .map((event) => paymentEntry(event, timeZones.get(event.tenantId)!))
      .filter((entry) => entry.lines.length > 0);
    if (waiting.length === 0 && writtenOff.length === 0) {
      await this.postBillings(tx, due, [], collections);
    } else {
      await this.postBillings(tx, due, waiting, []);
      // Read again: a void just replayed may have written off an invoice paid in this batch.
      await this.reinstateWrittenOff(tx, events);
      await this.ledger.postAll(tx, collections);
    }
    await this.attachPayments(tx, events);
    const charged = events.filter((event) => event.data.providerChargeId);
    if (charged.length === 0) return;
    await this.schedules.attachCharges(
      tx,
      charged.map((event) => ({
        tenantId: event.tenantId,
        sourceRef: invoiceKey(event.data.providerInvoiceId),
        providerChargeId: event.data.providerChargeId!,
      })),
    );
    await this.refunds.replayWaitingForAll(
      tx,
      charged.map((event) => ({ tenantId: event.tenantId, providerChargeId: event.data.providerChargeId! })),
    );
  }

  /** Names the rail payment of each invoice a rail paid, then books the refunds of it that waited for it. */
  private async attachPayments(tx: EntityManager, events: EventEnvelope<InvoicePaidEvent>[]): Promise<void> {
    const onRails = events.filter((event) => event.data.paymentId);
    if (onRails.length === 0) return;
    await this.schedules.attachPayments(
      tx,
      onRails.map((event) => ({
        tenantId: event.tenantId,
        sourceRef: invoiceKey(event.data.providerInvoiceId),
        paymentId: event.data.paymentId!,
      })),
    );
    await this.refunds.replayWaitingForPayments(
      tx,
      onRails.map((event) => ({ tenantId: event.tenantId, paymentId: event.data.paymentId! })),
    );
  }

  /** The events that waited for these invoices' billing (voids), taken out in one statement. */
  private releaseWaitingFor(tx: EntityManager, invoices: InvoiceToBill[]): Promise<EventEnvelope<unknown>[]> {
    return this.waitingEvents.releaseAll(
      tx,
      invoices.map((invoice) => ({ tenantId: invoice.tenantId, awaited: invoiceKey(invoice.providerInvoiceId) })),
    );
  }

  /**
   * Posts the billings (with `alongside`, entries that need nothing replayed between: one posting
   * for both), opens their schedules, then replays what waited for them.
   */
  private async postBillings(
    tx: EntityManager,
    due: InvoiceToBill[],
    waiting: EventEnvelope<unknown>[],
    alongside: EntryToPost[],
  ): Promise<void> {
    if (due.length > 0) {
      const timeZones = await this.calendar.timeZonesOf(
        tx,
        due.map((invoice) => invoice.tenantId),
      );
      await this.ledger.postAll(tx, [
        ...due.map((invoice) => billingEntry(invoice, timeZones.get(invoice.tenantId)!)),
        ...alongside,
      ]);
      await this.schedules.openAll(
        tx,
        due.map((invoice) => scheduleOf(invoice, timeZones.get(invoice.tenantId)!)),
      );
    } else {
      await this.ledger.postAll(tx, alongside);
    }
    for (const held of waiting) {
      if (held.type === InvoiceVoided.subject) await this.void(tx, held as EventEnvelope<InvoiceVoidedEvent>);
    }
  }

  /** The payments whose invoice was written off: each write-off negated first (see {@link reinstateIfWrittenOff}). */
  private async reinstateWrittenOff(tx: EntityManager, events: EventEnvelope<InvoicePaidEvent>[]): Promise<void> {
    const voided = await this.schedules.findVoidedForUpdate(
      tx,
      events.map((event) => ({ tenantId: event.tenantId, sourceRef: invoiceKey(event.data.providerInvoiceId) })),
    );
    for (const schedule of voided) {
      const event = events.find(
        (e) => e.tenantId === schedule.tenantId && invoiceKey(e.data.providerInvoiceId) === schedule.sourceRef,
      )!;
      await this.reinstateIfWrittenOff(tx, event, schedule);
    }
  }

  /**
   * An invoice written off as uncollectible and paid after all: the write-off is negated (receivable,
   * VAT, deferred revenue and any revenue it took back return) before the payment is booked.
   */
  private async reinstateIfWrittenOff(
    tx: EntityManager,
    event: EventEnvelope<InvoicePaidEvent>,
    schedule: RecognitionSchedule,
  ): Promise<void> {
    const id = event.data.providerInvoiceId;
    const writeOff = await this.entries.findEntryIdBySourceKey(tx, event.tenantId, LedgerSourceKey.invoiceVoided(id));
    if (!writeOff) return;
    const postings = await this.entries.findPostingsOfEntries(event.tenantId, [writeOff], tx);
    const debitOn = (code: string) =>
      postings.filter((p) => p.account_code === code).reduce((sum, p) => sum + BigInt(p.amount), 0n);
    const posted = await this.ledger.post(tx, {
      tenantId: event.tenantId,
      sourceKey: LedgerSourceKey.invoiceReinstated(id),
      postedOn: await this.calendar.dayOf(tx, event.tenantId, event.data.paidAt),
      description: `Subscription invoice ${id} paid after its write-off: write-off reversed`,
      lines: postings.map((p) => ({
        accountCode: p.account_code,
        currency: p.currency.trim(),
        amount: -BigInt(p.amount),
      })),
      dimensions: SUBSCRIPTIONS,
    });
    if (posted.created)
      await this.schedules.reinstate(tx, schedule, {
        deferred: debitOn(DEFERRED_REVENUE),
        earned: debitOn(REVENUE_ACCOUNT.subscriptions),
      });
  }

  /**
   * Reverses what the billing posted and is still open: Dr VAT payable, Dr deferred revenue (the
   * part not recognized), Dr subscription revenue (any part recognized meanwhile) / Cr receivable.
   * A void before its invoice's billing waits for it.
   */
  async void(tx: EntityManager, event: EventEnvelope<InvoiceVoidedEvent>): Promise<void> {
    const { providerInvoiceId: id, currency, reason } = event.data;
    const schedule = await this.schedules.findBySourceForUpdate(tx, event.tenantId, invoiceKey(id));
    if (!schedule) return this.waitingEvents.waitFor(tx, invoiceKey(id), event);
    const [amount, tax] = [event.data.amount, event.data.tax].map(parseMinorUnits);
    const parts = voidParts(amountsOf(schedule), amount, tax);
    const lines = withoutZeros([
      debit(VAT_PAYABLE, currency, parts.tax),
      debit(DEFERRED_REVENUE, currency, parts.deferred),
      debit(REVENUE_ACCOUNT.subscriptions, currency, parts.earned),
      credit(ACCOUNTS_RECEIVABLE, currency, amount),
    ]);
    if (lines.length === 0) return;
    const posted = await this.ledger.post(tx, {
      tenantId: event.tenantId,
      sourceKey: LedgerSourceKey.invoiceVoided(id),
      postedOn: await this.calendar.dayOf(tx, event.tenantId, event.data.voidedAt),
      description: `Subscription invoice ${id} ${reason === 'void' ? 'voided' : 'written off as uncollectible'}: billing reversed`,
      lines,
      dimensions: SUBSCRIPTIONS,
    });
    if (posted.created) await this.schedules.withdraw(tx, schedule, parts, { voided: true });
  }
}

/** The invoice as its finalize tells it. */
function billedByFinalize(event: EventEnvelope<InvoiceFinalizedEvent>): InvoiceToBill {
  const { providerInvoiceId, currency, servicePeriodStart, servicePeriodEnd, finalizedAt } = event.data;
  return {
    tenantId: event.tenantId,
    providerInvoiceId,
    currency,
    amountDue: parseMinorUnits(event.data.amountDue),
    tax: parseMinorUnits(event.data.tax),
    servicePeriodStart,
    servicePeriodEnd,
    billedAt: finalizedAt,
  };
}

/** The invoice as its payment tells it: billed when paid, for what was paid. */
function billedByPayment(event: EventEnvelope<InvoicePaidEvent>): InvoiceToBill {
  return {
    tenantId: event.tenantId,
    providerInvoiceId: event.data.providerInvoiceId,
    currency: event.data.currency,
    amountDue: parseMinorUnits(event.data.amountPaid),
    tax: parseMinorUnits(event.data.tax),
    servicePeriodStart: event.data.servicePeriodStart,
    servicePeriodEnd: event.data.servicePeriodEnd,
    billedAt: event.data.paidAt,
  };
}

function invoiceKey(providerInvoiceId: string): string {
  return `invoice:${providerInvoiceId}`;
}

function billingEntry(invoice: InvoiceToBill, timeZone: string): EntryToPost {
  const { providerInvoiceId: id, currency, amountDue, tax } = invoice;
  return {
    tenantId: invoice.tenantId,
    sourceKey: LedgerSourceKey.invoiceFinalized(id),
    postedOn: postingDateOf(invoice.billedAt, timeZone),
    description: `Subscription invoice ${id} billed`,
    lines: withoutZeros([
      debit(ACCOUNTS_RECEIVABLE, currency, amountDue),
      credit(VAT_PAYABLE, currency, tax),
      credit(DEFERRED_REVENUE, currency, amountDue - tax),
    ]),
    dimensions: SUBSCRIPTIONS,
  };
}

/** Ratable over the service period, one agency-local day at a time. */
function scheduleOf(invoice: InvoiceToBill, timeZone: string): NewSchedule {
  const firstDay = postingDateOf(invoice.servicePeriodStart, timeZone);
  return {
    tenantId: invoice.tenantId,
    sourceRef: invoiceKey(invoice.providerInvoiceId),
    ...SUBSCRIPTIONS,
    stream: 'subscriptions',
    currency: invoice.currency,
    method: 'ratable',
    status: 'active',
    billed: invoice.amountDue,
    tax: invoice.tax,
    firstDay,
    days: Math.max(1, daysBetween(firstDay, postingDateOf(invoice.servicePeriodEnd, timeZone))),
    providerChargeId: null,
  };
}

function paymentEntry(event: EventEnvelope<InvoicePaidEvent>, timeZone: string): EntryToPost {
  const { providerInvoiceId: id, currency } = event.data;
  const [paid, fee] = [event.data.amountPaid, event.data.providerFee].map(parseMinorUnits);
  return {
    tenantId: event.tenantId,
    sourceKey: LedgerSourceKey.invoicePaid(id),
    postedOn: postingDateOf(event.data.paidAt, timeZone),
    description: `Subscription invoice ${id} paid`,
    lines: withoutZeros([
      debit(STRIPE_BALANCE, currency, paid - fee),
      debit(PAYMENT_FEES, currency, fee),
      credit(ACCOUNTS_RECEIVABLE, currency, paid),
    ]),
    dimensions: SUBSCRIPTIONS,
  };
}
