import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, Caller, ConflictError, ForbiddenError, NotFoundError, ValidationFailedError } from '@libs/common';
import { OrderView } from '@libs/contracts';
import { dayNumber, localDayOf } from '../calendar/agency-days';
import { AgencyCalendarRepository } from '../calendar/agency-calendar.repository';
import { AdUnitsService } from '../ad-units/ad-units.service';
import { CreativesService } from '../creatives/creatives.service';
import { InventoryDayRepository } from '../inventory/inventory-day.repository';
import { InvoiceRefundsService } from '../invoices/invoice-refunds.service';
import { PayLinksService } from '../invoices/pay-links.service';
import { OrderServingPublisher } from '../serving/order-serving.publisher';
import { nextDay, OrderBillingService } from './order-billing.service';
import { OrderAction, transitionOrder } from './order-lifecycle';
import { orderViewOf } from './order-view';
import type { Order } from './order.entity';
import { OrderRepository } from './order.repository';
import { scopeOf } from './orders.service';
import type { OrderLine } from './order-line.entity';
import { takeoverUnitsNotReady } from './roadblock-readiness';

/** Orders the clock moves per sweep transaction. */
const SWEEP_BATCH = 100;
const CLOCK_REASONS = {
  expire: 'the hold expired',
  lapse: 'not paid by its pay-by time',
  start: 'the flight began',
  complete: 'the flight ended',
} as const;

export type RequestedAction = Extract<OrderAction, 'submit' | 'approve' | 'reject' | 'cancel'>;

/** What a change of status leaves to do once its transaction commits: ask the payments service. */
interface AfterCommit {
  payLinkOf: string | null;
  refundsOf: string | null;
}

@Injectable()
export class OrderTransitionsService {
  private readonly logger = new Logger(OrderTransitionsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly inventory: InventoryDayRepository,
    private readonly billing: OrderBillingService,
    private readonly calendars: AgencyCalendarRepository,
    private readonly audit: AuditTrail,
    private readonly serving: OrderServingPublisher,
    private readonly payLinks: PayLinksService,
    private readonly refunds: InvoiceRefundsService,
    private readonly adUnits: AdUnitsService,
    private readonly creatives: CreativesService,
  ) {}

  /**
   * A person moves an order on: refused (409) unless the lifecycle allows it, audited with who and
   * why. An approved prepaid order's pay link, and a canceled paid order's refunds, are asked of
   * the payments service once the change has committed.
   */
  async request(caller: Caller, id: string, action: RequestedAction, reason: string | undefined): Promise<OrderView> {
    const scope = scopeOf(caller);
    if ((action === 'reject' || action === 'cancel') && !reason)
      throw new ValidationFailedError([{ field: 'reason', message: `is required to ${action} an order` }]);
    const { timeZone } = await this.calendars.findOfTenant(caller.tenantId);
    const after: AfterCommit = { payLinkOf: null, refundsOf: null };
    const view = await this.dataSource.transaction(async (tx) => {
      const order = await this.orders.findForChange(tx, scope, id);
      if (!order) throw new NotFoundError('order', id);
      const waiting = order.status === 'draft' || order.status === 'submitted';
      if (scope.advertiserId !== null && action === 'cancel' && !waiting)
        throw new ForbiddenError('an advertiser cancels only draft and submitted orders; ad ops cancel approved ones');
      if (waiting && action !== 'cancel' && order.holdExpiresAt && order.holdExpiresAt.getTime() <= Date.now())
        throw new ConflictError(`the order's hold expired at ${order.holdExpiresAt.toISOString()}`);
      return this.apply(tx, order, action, reason ?? null, caller.actor, timeZone, new Date(), after);
    });
    await this.followUp(caller.tenantId, after);
    return view;
  }

  /** Moves on the orders the clock is due to: expired holds, unpaid pay-bys, flights begun and ended. Answers how many it moved. */
  async sweep(now = new Date()): Promise<number> {
    let moved = 0;
    for (;;) {
      const followUps: { tenantId: string; after: AfterCommit }[] = [];
      const batch = await this.dataSource.transaction(async (tx) => {
        const due = await this.orders.claimDue(tx, now, SWEEP_BATCH);
        for (const { id, tenantId, due: clockDue } of due) {
          const order = await this.orders.findForChange(tx, { tenantId, advertiserId: null }, id);
          const { timeZone } = await this.calendars.findOfTenant(tenantId);
          const after: AfterCommit = { payLinkOf: null, refundsOf: null };
          const action: OrderAction = clockDue === 'lapse' ? 'expire' : clockDue;
          if (order) await this.apply(tx, order, action, CLOCK_REASONS[clockDue], 'advertising', timeZone, now, after);
          followUps.push({ tenantId, after });
        }
        return due.length;
      });
      for (const { tenantId, after } of followUps) await this.followUp(tenantId, after);
      moved += batch;
      if (batch < SWEEP_BATCH) return moved;
    }
  }

  /** Locks an order for a change its invoice's payment may bring (before the invoice: see `InvoicePaymentsService.lockNamed`). */
  async lockForPayment(tx: EntityManager, tenantId: string, orderId: string): Promise<void> {
    await this.orders.findForChange(tx, { tenantId, advertiserId: null }, orderId);
  }

  /**
   * A prepaid order's invoice was paid in full: it may serve from now. Already within its
   * flight, an approved order goes live at once (the clock would only wait for its next sweep).
   */
  async markPaid(tx: EntityManager, tenantId: string, orderId: string, at: Date): Promise<void> {
    const order = await this.orders.findForChange(tx, { tenantId, advertiserId: null }, orderId);
    if (!order || order.paidAt !== null) return;
    order.paidAt = at;
    const lines = await this.orders.linesOf([order.id], tx);
    const { timeZone } = await this.calendars.findOfTenant(tenantId);
    const today = localDayOf(new Date(), timeZone);
    const begun = lines.some((line) => dayNumber(line.flightStart) <= dayNumber(today));
    if (order.status === 'approved' && begun) {
      const after: AfterCommit = { payLinkOf: null, refundsOf: null };
      await this.apply(tx, order, 'start', 'paid within its flight', 'advertising', timeZone, new Date(), after);
      return;
    }
    await this.orders.save(tx, order);
    if (order.status === 'approved') await this.serving.ordersChanged(tx, tenantId, [order.id]);
  }

  private async apply(
    tx: EntityManager,
    order: Order,
    action: OrderAction,
    reason: string | null,
    actor: string,
    timeZone: string,
    now: Date,
    after: AfterCommit,
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
      if (order.status === 'approved' || order.status === 'live') {
        // a person's cancellation owes the rate card's penalty; the clock's, of a prepaid order left unpaid, does not
        const settled = await this.billing.settleCancellation(
          tx,
          order,
          lines,
          reason!,
          action === 'cancel',
          timeZone,
          now,
        );
        order.cancellation = settled;
        order.cancellationPenalty = settled.penalty;
        after.refundsOf = order.invoiceId;
      }
    }
    if (transition.endsHold) order.holdExpiresAt = null;
    if (transition.to === 'approved') {
      await this.billing.invoice(tx, order, lines, timeZone, now);
      if (order.paymentTerms === 'prepay') after.payLinkOf = order.invoiceId;
    }
    order.history = [...order.history, { from: order.status, to: transition.to, actor, reason, at: now.toISOString() }];
    order.status = transition.to;
    const saved = await this.orders.save(tx, order);
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

  /** Asks the payments service for what the committed change made due; never fails the change (the sweep asks again). */
  private async followUp(tenantId: string, after: AfterCommit): Promise<void> {
    try {
      if (after.payLinkOf) await this.payLinks.ask(tenantId, after.payLinkOf);
      if (after.refundsOf) await this.refunds.askDue(tenantId, after.refundsOf);
    } catch (error) {
      this.logger.warn(`left to the sweep: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
