import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { parseMinorUnits } from '@libs/common';
import {
  BookingCanceled,
  BookingCanceledEvent,
  BookingInvoicedEvent,
  BookingPaidEvent,
  DeliveryRecorded,
  DeliveryRecordedEvent,
  EventEnvelope,
  MakeGoodCredited,
  MakeGoodCreditedEvent,
} from '@libs/contracts';
import {
  ACCOUNTS_RECEIVABLE,
  BANK,
  DEFERRED_REVENUE,
  MAKE_GOOD_CREDITS,
  REVENUE_ACCOUNT,
  STRIPE_BALANCE,
  VAT_PAYABLE,
} from '../accounts/account-codes';
import { AgencyCalendar } from '../calendar/agency-calendar';
import { daysBetween, postingDateOf } from '../calendar/posting-date';
import { credit, debit, withoutZeros } from '../ledger/entry-lines';
import { LedgerSourceKey } from '../ledger/ledger-source-keys';
import { LedgerService } from '../ledger/ledger.service';
import { amountsOf, dimensionsOf, RecognitionSchedulesService } from '../recognition/recognition-schedules.service';
import { cancellationParts, makeGoodParts, remainingOf } from '../recognition/schedule-arithmetic';
import { WaitingEventsService } from '../waiting-events/waiting-events.service';

/**
 * Advertising bookings on accrual: invoiced (receivable, VAT, deferred revenue with a usage
 * schedule), paid (bank or Stripe against the receivable; a rail's payment is booked from the
 * payments service's own event), recognized day by day as delivered (never beyond what was
 * invoiced), reduced by make-good credits, and canceled (credited, the penalty earned).
 */
@Injectable()
export class BookingRevenueService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly calendar: AgencyCalendar,
    private readonly schedules: RecognitionSchedulesService,
    private readonly waitingEvents: WaitingEventsService,
  ) {}

  /** Dr receivable (amount) / Cr VAT payable (tax) / Cr deferred revenue (amount − tax). */
  async invoice(tx: EntityManager, event: EventEnvelope<BookingInvoicedEvent>): Promise<void> {
    const { bookingId, advertiserId, siteId, adUnitId, currency } = event.data;
    const [amount, tax] = [event.data.amount, event.data.tax].map(parseMinorUnits);
    // The ad unit is what advertising sells: reports by product are by unit.
    const dimensions = { stream: 'advertising' as const, productId: adUnitId, siteId, counterpartyId: advertiserId };
    const lines = withoutZeros([
      debit(ACCOUNTS_RECEIVABLE, currency, amount),
      credit(VAT_PAYABLE, currency, tax),
      credit(DEFERRED_REVENUE, currency, amount - tax),
    ]);
    if (lines.length === 0) return;
    const timeZone = await this.calendar.timeZoneOf(tx, event.tenantId);
    await this.ledger.post(tx, {
      tenantId: event.tenantId,
      sourceKey: LedgerSourceKey.bookingInvoiced(bookingId),
      postedOn: postingDateOf(event.data.invoicedAt, timeZone),
      description: `Booking ${bookingId} invoiced (${event.data.pricingModel}, ad unit ${event.data.adUnitId})`,
      lines,
      dimensions,
    });
    const firstDay = postingDateOf(event.data.flightStart, timeZone);
    await this.schedules.open(tx, {
      tenantId: event.tenantId,
      sourceRef: bookingKey(bookingId),
      ...dimensions,
      currency,
      method: 'delivery',
      status: 'active',
      billed: amount,
      tax,
      firstDay,
      days: Math.max(1, daysBetween(firstDay, postingDateOf(event.data.flightEnd, timeZone))),
      providerChargeId: null,
    });
    for (const waiting of (await this.waitingEvents.release(tx, event.tenantId, bookingKey(bookingId))).sort((a, b) =>
      a.time.localeCompare(b.time),
    )) {
      if (waiting.type === DeliveryRecorded.subject)
        await this.recognizeDelivery(tx, waiting as EventEnvelope<DeliveryRecordedEvent>);
      else if (waiting.type === MakeGoodCredited.subject)
        await this.creditMakeGood(tx, waiting as EventEnvelope<MakeGoodCreditedEvent>);
      else if (waiting.type === BookingCanceled.subject)
        await this.cancel(tx, waiting as EventEnvelope<BookingCanceledEvent>);
    }
  }

  /**
   * Dr bank or Stripe balance / Cr receivable. A payment on a rail moved its cash when the payments
   * service said it succeeded (Dr the rail's clearing / Cr receivable, once, where reconciliation
   * finds it by the rail's transaction id): its BookingPaid books nothing more.
   */
  async collect(tx: EntityManager, event: EventEnvelope<BookingPaidEvent>): Promise<void> {
    const { paymentId, bookingId, advertiserId, currency, paidTo } = event.data;
    const amount = parseMinorUnits(event.data.amount);
    if (amount === 0n || paidTo === 'rail') return;
    const schedule = await this.schedules.findBySourceForUpdate(tx, event.tenantId, bookingKey(bookingId));
    await this.ledger.post(tx, {
      tenantId: event.tenantId,
      sourceKey: LedgerSourceKey.bookingPaid(paymentId),
      postedOn: await this.calendar.dayOf(tx, event.tenantId, event.data.paidAt),
      description: `Booking ${bookingId} paid (${paidTo === 'bank' ? 'bank transfer' : 'Stripe'})`,
      lines: [
        debit(paidTo === 'bank' ? BANK : STRIPE_BALANCE, currency, amount),
        credit(ACCOUNTS_RECEIVABLE, currency, amount),
      ],
      // The booking's unit and site when its invoice is known (a payment may come first).
      dimensions: schedule
        ? dimensionsOf(schedule)
        : { stream: 'advertising', productId: null, siteId: null, counterpartyId: advertiserId },
    });
  }

  /** Dr deferred revenue / Cr advertising revenue: the day's earnings, capped at what is left; once per booking and day. */
  async recognizeDelivery(tx: EntityManager, event: EventEnvelope<DeliveryRecordedEvent>): Promise<void> {
    const { bookingId, day } = event.data;
    const schedule = await this.schedules.findBySourceForUpdate(tx, event.tenantId, bookingKey(bookingId));
    if (!schedule) return this.waitingEvents.waitFor(tx, bookingKey(bookingId), event);
    const earned = parseMinorUnits(event.data.amount);
    const left = remainingOf(amountsOf(schedule));
    const amount = earned < left ? earned : left > 0n ? left : 0n;
    const currency = schedule.currency.trim();
    const posted =
      amount > 0n
        ? await this.ledger.post(tx, {
            tenantId: event.tenantId,
            sourceKey: LedgerSourceKey.deliveryRecognized(bookingId, day),
            postedOn: day,
            description: `Booking ${bookingId} delivered on ${day} (${event.data.impressions} impressions)`,
            lines: [debit(DEFERRED_REVENUE, currency, amount), credit(REVENUE_ACCOUNT.advertising, currency, amount)],
            dimensions: dimensionsOf(schedule),
          })
        : null;
    if (posted && !posted.created) return;
    await this.schedules.recognizeOnDay(tx, schedule, day, amount, posted?.entryId ?? null);
  }

  /**
   * A credit note to the advertiser: Cr receivable (they owe less). It comes off what is left to
   * deliver first (Dr deferred revenue: the schedule's remainder shrinks); any excess is a credit
   * on revenue already earned (Dr make-good credits, contra-revenue). Debiting make-good credits
   * against a credit to deferred revenue would leave the booking's deferred balance above what its
   * schedule can ever recognize.
   */
  async creditMakeGood(tx: EntityManager, event: EventEnvelope<MakeGoodCreditedEvent>): Promise<void> {
    const { makeGoodId, bookingId, reason } = event.data;
    const schedule = await this.schedules.findBySourceForUpdate(tx, event.tenantId, bookingKey(bookingId));
    if (!schedule) return this.waitingEvents.waitFor(tx, bookingKey(bookingId), event);
    const amount = parseMinorUnits(event.data.amount);
    if (amount === 0n) return;
    const parts = makeGoodParts(amountsOf(schedule), amount);
    const currency = schedule.currency.trim();
    const posted = await this.ledger.post(tx, {
      tenantId: event.tenantId,
      sourceKey: LedgerSourceKey.makeGoodCredited(makeGoodId),
      postedOn: await this.calendar.dayOf(tx, event.tenantId, event.data.creditedAt),
      description: `Make-good on booking ${bookingId}: ${reason}`,
      lines: withoutZeros([
        debit(DEFERRED_REVENUE, currency, parts.deferred),
        debit(MAKE_GOOD_CREDITS, currency, parts.earned),
        credit(ACCOUNTS_RECEIVABLE, currency, amount),
      ]),
      dimensions: dimensionsOf(schedule),
    });
    if (posted.created) await this.schedules.reduce(tx, schedule, parts.deferred);
  }

  /**
   * A credit note for what the cancellation took off (Dr VAT payable its VAT; Dr deferred revenue
   * the rest, off what is left to deliver, any excess off advertising revenue already earned;
   * Cr receivable the whole) and the penalty earned now (Dr deferred revenue / Cr advertising
   * revenue). What was delivered stays deferred, for its deliveries to recognize. Once per booking.
   */
  async cancel(tx: EntityManager, event: EventEnvelope<BookingCanceledEvent>): Promise<void> {
    const { bookingId, reason } = event.data;
    const schedule = await this.schedules.findBySourceForUpdate(tx, event.tenantId, bookingKey(bookingId));
    if (!schedule) return this.waitingEvents.waitFor(tx, bookingKey(bookingId), event);
    const [credited, creditedTax, penalty] = [event.data.credited, event.data.creditedTax, event.data.penalty].map(
      parseMinorUnits,
    );
    const parts = cancellationParts(amountsOf(schedule), credited - creditedTax, penalty);
    const currency = schedule.currency.trim();
    const earned = parts.penalty - parts.earned;
    const lines = withoutZeros([
      debit(VAT_PAYABLE, currency, creditedTax),
      debit(DEFERRED_REVENUE, currency, parts.deferred + parts.penalty),
      earned >= 0n
        ? credit(REVENUE_ACCOUNT.advertising, currency, earned)
        : debit(REVENUE_ACCOUNT.advertising, currency, -earned),
      credit(ACCOUNTS_RECEIVABLE, currency, credited),
    ]);
    if (lines.length === 0) return;
    const posted = await this.ledger.post(tx, {
      tenantId: event.tenantId,
      sourceKey: LedgerSourceKey.bookingCanceled(bookingId),
      postedOn: await this.calendar.dayOf(tx, event.tenantId, event.data.canceledAt),
      description: `Booking ${bookingId} canceled: ${reason}`,
      lines,
      dimensions: dimensionsOf(schedule),
    });
    if (posted.created) await this.schedules.cancel(tx, schedule, parts);
  }
}

function bookingKey(bookingId: string): string {
  return `booking:${bookingId}`;
}
