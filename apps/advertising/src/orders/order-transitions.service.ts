import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AuditTrail,
  Caller,
  ConflictError,
  EventOutbox,
  ForbiddenError,
  NotFoundError,
  ValidationFailedError,
} from '@libs/common';
import { BookingInvoiced, OrderView } from '@libs/contracts';
import { AdUnitsService } from '../ad-units/ad-units.service';
import { dayNumber, dayOfNumber, localDayOf, startOfLocalDay } from '../calendar/agency-days';
import { AgencyCalendarRepository } from '../calendar/agency-calendar.repository';
import { InventoryDayRepository } from '../inventory/inventory-day.repository';
import { CreativesService } from '../creatives/creatives.service';
import { cancellationPenaltyOf } from '../inventory/unit-day-availability';
import { RateCardsService } from '../rate-cards/rate-cards.service';
import { OrderServingPublisher } from '../serving/order-serving.publisher';
import { OrderAction, transitionOrder } from './order-lifecycle';
import type { OrderLine } from './order-line.entity';
import { orderViewOf } from './order-view';
import type { Order } from './order.entity';
import { OrderRepository } from './order.repository';
import { scopeOf } from './orders.service';
import { takeoverUnitsNotReady } from './roadblock-readiness';

const HOUR_MS = 3_600_000;
/** Orders the clock moves per sweep transaction. */
const SWEEP_BATCH = 100;
const CLOCK_REASONS = { expire: 'the hold expired', start: 'the flight began', complete: 'the flight ended' } as const;

export type RequestedAction = Extract<OrderAction, 'submit' | 'approve' | 'reject' | 'cancel'>;

@Injectable()
export class OrderTransitionsService {
  private readonly logger = new Logger(OrderTransitionsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly inventory: InventoryDayRepository,
    private readonly adUnits: AdUnitsService,
    private readonly cards: RateCardsService,
    private readonly calendars: AgencyCalendarRepository,
    private readonly outbox: EventOutbox,
    private readonly audit: AuditTrail,
    private readonly serving: OrderServingPublisher,
    private readonly creatives: CreativesService,
  ) {}

  /** A person moves an order on: refused (409) unless the lifecycle allows it, audited with who and why. */
  async request(caller: Caller, id: string, action: RequestedAction, reason: string | undefined): Promise<OrderView> {
    const scope = scopeOf(caller);
    if ((action === 'reject' || action === 'cancel') && !reason)
      throw new ValidationFailedError([{ field: 'reason', message: `is required to ${action} an order` }]);
    const { timeZone } = await this.calendars.findOfTenant(caller.tenantId);
    return this.dataSource.transaction(async (tx) => {
      const order = await this.orders.findForChange(tx, scope, id);
      if (!order) throw new NotFoundError('order', id);
      const waiting = order.status === 'draft' || order.status === 'submitted';
      if (scope.advertiserId !== null && action === 'cancel' && !waiting)
        throw new ForbiddenError('an advertiser cancels only draft and submitted orders; ad ops cancel approved ones');
      if (waiting && action !== 'cancel' && order.holdExpiresAt && order.holdExpiresAt.getTime() <= Date.now())
        throw new ConflictError(`the order's hold expired at ${order.holdExpiresAt.toISOString()}`);
      return this.apply(tx, order, action, reason ?? null, caller.actor, timeZone);
    });
  }

  /** Moves on the orders the clock is due to: expired holds, flights begun and ended. Answers how many it moved. */
  async sweep(now = new Date()): Promise<number> {
    let moved = 0;
    for (;;) {
      const batch = await this.dataSource.transaction(async (tx) => {
        const due = await this.orders.claimDue(tx, now, SWEEP_BATCH);
        for (const { id, tenantId, due: action } of due) {
          const order = await this.orders.findForChange(tx, { tenantId, advertiserId: null }, id);
          const { timeZone } = await this.calendars.findOfTenant(tenantId);
          if (order) await this.apply(tx, order, action, CLOCK_REASONS[action], 'advertising', timeZone, now);
        }
        return due.length;
      });
      moved += batch;
      if (batch < SWEEP_BATCH) return moved;
    }
  }

  private async apply(
    tx: EntityManager,
    order: Order,
    action: OrderAction,
    reason: string | null,
    actor: string,
    timeZone: string,
    now = new Date(),
  ): Promise<OrderView> {
    const transition = transitionOrder(order.status, action);
    if (!transition.allowed) throw new ConflictError(transition.reason);
    const lines = await this.orders.linesOf([order.id], tx);
    if (action === 'submit' || action === 'approve') await this.refuseUnreadyTakeover(tx, order, lines, action);
    const before = { status: order.status, holdExpiresAt: order.holdExpiresAt };
    const today = localDayOf(now, timeZone);
    if (transition.inventory === 'sell') await this.inventory.sellHeld(tx, order.id);
    if (transition.inventory === 'release') {
      if (order.status === 'draft' || order.status === 'submitted')
        await this.inventory.release(tx, order.id, 'held', '0001-01-01');
      // a live flight keeps today, being delivered; an approved one frees from today
      else await this.inventory.release(tx, order.id, 'sold', order.status === 'live' ? nextDay(today) : today);
      if (order.status === 'approved' || order.status === 'live')
        order.cancellationPenalty = (await this.penaltyOf(order.tenantId, lines, timeZone, now)).toString();
    }
    if (transition.endsHold) order.holdExpiresAt = null;
    order.history = [...order.history, { from: order.status, to: transition.to, actor, reason, at: now.toISOString() }];
    order.status = transition.to;
    const saved = await this.orders.save(tx, order);
    if (transition.to === 'approved') await this.invoice(tx, saved, lines, now);
    await this.serving.ordersChanged(tx, order.tenantId, [order.id]);
    await this.audit.record(tx, {
      tenantId: order.tenantId,
      action: `order.${transition.to}`,
      targetType: 'order',
      targetId: order.id,
      before,
      after: { status: saved.status, reason, holdExpiresAt: saved.holdExpiresAt },
    });
    if (actor === 'advertising') this.logger.log(`order ${order.id}: ${before.status} → ${saved.status} (${reason})`);
    return orderViewOf(saved, lines);
  }

  /** A takeover serves all its units or none: refused (409) while a unit lacks the creative `action` needs. */
  private async refuseUnreadyTakeover(
    tx: EntityManager,
    order: Order,
    lines: OrderLine[],
    action: 'submit' | 'approve',
  ): Promise<void> {
    if (!lines.some((line) => line.roadblockId)) return;
    const codes = new Map(
      (
        await this.adUnits.findMany(
          order.tenantId,
          lines.map((line) => line.adUnitId),
        )
      ).map((unit) => [unit.id, unit.code]),
    );
    const creatives = await this.creatives.attachedTo(
      tx,
      order.tenantId,
      lines.map((line) => line.id),
    );
    const missing = takeoverUnitsNotReady(
      lines.map((line) => ({ lineId: line.id, unitCode: codes.get(line.adUnitId)!, roadblockId: line.roadblockId })),
      creatives,
      action,
    );
    if (missing.length > 0)
      throw new ConflictError(
        `a takeover serves all its units or none: ad unit ${missing.join(', ')} has no ${action === 'approve' ? 'approved creative' : 'creative attached (pending review or approved)'}`,
      );
  }

  /** One BookingInvoiced per line (a booking is a line: one unit, one pricing model, one flight), VAT included. */
  private async invoice(tx: EntityManager, order: Order, lines: OrderLine[], now: Date): Promise<void> {
    const units = new Map(
      (
        await this.adUnits.findMany(
          order.tenantId,
          lines.map((l) => l.adUnitId),
        )
      ).map((u) => [u.id, u]),
    );
    const { timeZone } = await this.calendars.findOfTenant(order.tenantId);
    await this.outbox.addAll(
      tx,
      BookingInvoiced,
      lines.map((line) => ({
        tenantId: order.tenantId,
        subject: line.id,
        data: {
          bookingId: line.id,
          advertiserId: order.advertiserId,
          siteId: units.get(line.adUnitId)!.siteId!,
          adUnitId: line.adUnitId,
          pricingModel: line.pricingModel,
          currency: line.quote.currency,
          amount: line.quote.steps.total,
          tax: line.quote.steps.vat,
          flightStart: startOfLocalDay(line.flightStart, timeZone).toISOString(),
          // the end of the flight: the start of the day after its last day
          flightEnd: startOfLocalDay(nextDay(line.flightEnd), timeZone).toISOString(),
          invoicedAt: now.toISOString(),
          roadblockId: line.roadblockId,
          sponsoredArticle: order.sponsoredArticle && {
            articleUrl: order.sponsoredArticle.articleUrl,
            articleId: order.sponsoredArticle.articleId,
          },
        },
      })),
    );
  }

  /** The rate cards' penalties by notice, on each line's taxable amount (VAT excluded). */
  private async penaltyOf(tenantId: string, lines: OrderLine[], timeZone: string, now: Date): Promise<bigint> {
    const cards = await this.cards.ofUnits(
      tenantId,
      lines.map((line) => line.adUnitId),
    );
    return lines.reduce((total, line) => {
      const noticeHours = (startOfLocalDay(line.flightStart, timeZone).getTime() - now.getTime()) / HOUR_MS;
      const bands = cards.get(line.adUnitId)?.cancellationPenalties ?? [];
      return total + cancellationPenaltyOf(BigInt(line.quote.steps.taxable), noticeHours, bands);
    }, 0n);
  }
}

function nextDay(day: string): string {
  return dayOfNumber(dayNumber(day) + 1);
}
