import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { parseMinorUnits } from '@libs/common';
import {
  EventEnvelope,
  GiftExpired,
  GiftExpiredEvent,
  GiftPurchasedEvent,
  GiftRedeemed,
  GiftRedeemedEvent,
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
import { LedgerService } from '../ledger/ledger.service';
import { amountsOf, dimensionsOf, RecognitionSchedulesService } from '../recognition/recognition-schedules.service';
import { remainingOf } from '../recognition/schedule-arithmetic';
import { RefundsAndDisputesService } from '../refunds-and-disputes/refunds-and-disputes.service';
import { WaitingEventsService } from '../waiting-events/waiting-events.service';

/**
 * Gifts bought through gift checkout (the provider's or a rail's): paid now (deferred revenue),
 * recognized ratably once redeemed, or in full as breakage when they expire unredeemed. A gift the
 * agency recorded as paid elsewhere (no checkout, no payment) never reached these books and is left alone.
 */
@Injectable()
export class GiftRevenueService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly calendar: AgencyCalendar,
    private readonly schedules: RecognitionSchedulesService,
    private readonly waitingEvents: WaitingEventsService,
    private readonly refunds: RefundsAndDisputesService,
  ) {}

  /**
   * Dr provider balance (paid − fee), Dr payment fees / Cr VAT payable / Cr deferred revenue (paid − tax).
   * A gift paid on a rail (`paymentId`) had its cash booked from its payment (Dr clearing / Cr
   * receivable): its purchase debits the receivable that payment settled instead of the provider balance.
   */
  async purchase(tx: EntityManager, event: EventEnvelope<GiftPurchasedEvent>): Promise<void> {
    const { giftId, currency, productId, providerChargeId, paymentId } = event.data;
    const [paid, tax, fee] = [event.data.amountPaid, event.data.tax, event.data.providerFee].map(parseMinorUnits);
    const dimensions = { stream: 'subscriptions' as const, productId, siteId: null, counterpartyId: null };
    const cash = paymentId
      ? [debit(ACCOUNTS_RECEIVABLE, currency, paid)]
      : [debit(STRIPE_BALANCE, currency, paid - fee), debit(PAYMENT_FEES, currency, fee)];
    const lines = withoutZeros([
      ...cash,
      credit(VAT_PAYABLE, currency, tax),
      credit(DEFERRED_REVENUE, currency, paid - tax),
    ]);
    if (lines.length === 0) return;
    await this.ledger.post(tx, {
      tenantId: event.tenantId,
      sourceKey: LedgerSourceKey.giftPurchased(giftId),
      postedOn: await this.calendar.dayOf(tx, event.tenantId, event.data.paidAt),
      description: `Gift ${giftId} paid (${event.data.months} months)`,
      lines,
      dimensions,
    });
    await this.schedules.open(tx, {
      tenantId: event.tenantId,
      sourceRef: giftKey(giftId),
      ...dimensions,
      currency,
      method: 'ratable',
      status: 'awaiting-service',
      billed: paid,
      tax,
      firstDay: null,
      days: null,
      providerChargeId,
      paymentId: paymentId ?? null,
    });
    // What waited for the purchase, replayed in the order it happened (a refund before the expiry is not the same as after).
    const waiting = [
      ...(await this.waitingEvents.release(tx, event.tenantId, giftKey(giftId))),
      ...(providerChargeId ? await this.refunds.releaseWaitingFor(tx, event.tenantId, providerChargeId) : []),
      ...(paymentId ? await this.refunds.releaseWaitingForPayment(tx, event.tenantId, paymentId) : []),
    ].sort((a, b) => a.time.localeCompare(b.time));
    for (const held of waiting) {
      if (held.type === GiftRedeemed.subject) await this.redeem(tx, held as EventEnvelope<GiftRedeemedEvent>);
      else if (held.type === GiftExpired.subject) await this.expire(tx, held as EventEnvelope<GiftExpiredEvent>);
      else await this.refunds.replay(tx, held);
    }
  }

  /** The service period is known: the deferred amount is recognized ratably over it by the recognition run. */
  async redeem(tx: EntityManager, event: EventEnvelope<GiftRedeemedEvent>): Promise<void> {
    if (!purchasedThroughCheckout(event.data)) return;
    const schedule = await this.schedules.findBySourceForUpdate(tx, event.tenantId, giftKey(event.data.giftId));
    if (!schedule) return this.waitingEvents.waitFor(tx, giftKey(event.data.giftId), event);
    if (schedule.status !== 'awaiting-service') return;
    const timeZone = await this.calendar.timeZoneOf(tx, event.tenantId);
    const firstDay = postingDateOf(event.data.servicePeriodStart, timeZone);
    await this.schedules.startService(
      tx,
      schedule,
      firstDay,
      Math.max(1, daysBetween(firstDay, postingDateOf(event.data.servicePeriodEnd, timeZone))),
    );
  }

  /** Breakage: what is still deferred is revenue on the day the gift expired (Dr deferred / Cr subscription revenue). */
  async expire(tx: EntityManager, event: EventEnvelope<GiftExpiredEvent>): Promise<void> {
    if (!purchasedThroughCheckout(event.data)) return;
    const schedule = await this.schedules.findBySourceForUpdate(tx, event.tenantId, giftKey(event.data.giftId));
    if (!schedule) return this.waitingEvents.waitFor(tx, giftKey(event.data.giftId), event);
    if (schedule.status !== 'awaiting-service') return;
    const day = await this.calendar.dayOf(tx, event.tenantId, event.data.expiredAt);
    const left = remainingOf(amountsOf(schedule));
    const currency = schedule.currency.trim();
    const posted =
      left > 0n
        ? await this.ledger.post(tx, {
            tenantId: event.tenantId,
            sourceKey: LedgerSourceKey.giftBreakage(event.data.giftId),
            postedOn: day,
            description: `Gift ${event.data.giftId} expired unredeemed: breakage recognized`,
            lines: [debit(DEFERRED_REVENUE, currency, left), credit(REVENUE_ACCOUNT.subscriptions, currency, left)],
            dimensions: dimensionsOf(schedule),
          })
        : null;
    if (posted && !posted.created) return;
    await this.schedules.recognizeOnDay(tx, schedule, day, left, posted?.entryId ?? null, 'expired');
  }
}

/** Bought through the provider's gift checkout or a rail's: not recorded by the agency as paid elsewhere. */
function purchasedThroughCheckout(gift: { providerCheckoutId: string | null; paymentId?: string | null }): boolean {
  return Boolean(gift.providerCheckoutId || gift.paymentId);
}

function giftKey(giftId: string): string {
  return `gift:${giftId}`;
}
