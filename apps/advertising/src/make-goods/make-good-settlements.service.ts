import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, Caller, ConflictError, EventOutbox, NotFoundError, ValidationFailedError } from '@libs/common';
import {
  FieldError,
  MakeGoodCredited,
  MakeGoodLineTerms,
  MakeGoodView,
  MAX_AVAILABILITY_DAYS,
  MAX_DAILY_CAPACITY,
  OrderLineView,
} from '@libs/contracts';
import { AdUnitsService } from '../ad-units/ad-units.service';
import { daysFrom, isCalendarDay, localDayOf } from '../calendar/agency-days';
import { AgencyCalendarRepository } from '../calendar/agency-calendar.repository';
import { MakeGoodCreativesService } from '../creatives/make-good-creatives.service';
import { MakeGoodOrdersService } from '../orders/make-good-orders.service';
import { OrdersService } from '../orders/orders.service';
import { OrderServingPublisher } from '../serving/order-serving.publisher';
import { MakeGoodAction, transitionMakeGood } from './make-good-lifecycle';
import { makeGoodViewOf } from './make-good-view';
import type { MakeGood } from './make-good.entity';
import { MakeGoodRepository } from './make-good.repository';
import { scopeOf } from './make-goods.service';

/** A make-good line checked: where, when, and the impressions it takes a day. */
interface CheckedTerms {
  adUnitId: string;
  flightStart: string;
  flightEnd: string;
  impressionsPerDay: number;
}

/** Ad ops settle a proposal: a new line that delivers the shortfall, a credit, or a rejection with its reason. */
@Injectable()
export class MakeGoodSettlementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly makeGoods: MakeGoodRepository,
    private readonly orders: OrdersService,
    private readonly makeGoodOrders: MakeGoodOrdersService,
    private readonly adUnits: AdUnitsService,
    private readonly creatives: MakeGoodCreativesService,
    private readonly serving: OrderServingPublisher,
    private readonly calendars: AgencyCalendarRepository,
    private readonly outbox: EventOutbox,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * A new line in an approved order of its own, at no charge, linked to the short one: booked by
   * the same inventory rules (409 naming the days without room), serving the short line's creatives
   * its unit accepts. A cpm shortfall is spread over the days asked; a whole-day line's missed days
   * are made good by as many days.
   */
  async acceptAsLine(caller: Caller, id: string, terms: MakeGoodLineTerms): Promise<MakeGoodView> {
    const proposal = await this.proposed(caller, id, 'accept-as-line');
    const shortLine = (await this.orders.get(caller, proposal.orderId)).lines.find((l) => l.id === proposal.lineId);
    if (!shortLine) throw new ConflictError(`line ${proposal.lineId} is no longer in order ${proposal.orderId}`);
    const checked = await this.check(caller.tenantId, proposal, shortLine, terms);
    return this.settle(caller, id, 'accept-as-line', null, async (tx, makeGood) => {
      const order = await this.makeGoodOrders.book(
        tx,
        {
          tenantId: caller.tenantId,
          advertiserId: makeGood.advertiserId,
          currency: makeGood.currency,
          shortLine: { id: shortLine.id, orderId: makeGood.orderId, pricingModel: shortLine.pricingModel },
          ...checked,
          actor: caller.actor,
          reason: `make-good ${makeGood.id} accepted as a line`,
        },
        'flightStart',
      );
      const line = order.lines[0];
      await this.creatives.carryOver(tx, caller.tenantId, shortLine.id, line.id);
      await this.serving.ordersChanged(tx, caller.tenantId, [order.id]);
      makeGood.makeGoodLineId = line.id;
      makeGood.makeGoodOrderId = order.id;
    });
  }

  /** A credit of the proposal's amount: finance books it from MakeGoodCredited. */
  async acceptAsCredit(caller: Caller, id: string, note: string | undefined): Promise<MakeGoodView> {
    return this.settle(caller, id, 'accept-as-credit', note ?? null, async (tx, makeGood, at) => {
      await this.outbox.add(tx, MakeGoodCredited, {
        tenantId: caller.tenantId,
        subject: makeGood.id,
        data: {
          makeGoodId: makeGood.id,
          bookingId: makeGood.lineId,
          currency: makeGood.currency,
          amount: makeGood.creditAmount,
          reason: (note ? `${makeGood.reason}; ${note}` : makeGood.reason).slice(0, 500),
          creditedAt: at.toISOString(),
        },
      });
    });
  }

  async reject(caller: Caller, id: string, reason: string | undefined): Promise<MakeGoodView> {
    if (!reason) throw new ValidationFailedError([{ field: 'reason', message: 'is required to reject a make-good' }]);
    return this.settle(caller, id, 'reject', reason, () => Promise.resolve());
  }

  /** The proposal, still open to `action` (404 when not the caller's, 409 when settled). */
  private async proposed(caller: Caller, id: string, action: MakeGoodAction): Promise<MakeGood> {
    const makeGood = await this.makeGoods.findOne(scopeOf(caller), id);
    if (!makeGood) throw new NotFoundError('make-good', id);
    const transition = transitionMakeGood(makeGood.status, action);
    if (!transition.allowed) throw new ConflictError(transition.reason);
    return makeGood;
  }

  /** Locks the proposal, moves it on (409 unless allowed), does what the action does, records and audits it. */
  private settle(
    caller: Caller,
    id: string,
    action: MakeGoodAction,
    reason: string | null,
    effect: (tx: EntityManager, makeGood: MakeGood, at: Date) => Promise<void>,
  ): Promise<MakeGoodView> {
    return this.dataSource.transaction(async (tx) => {
      const makeGood = await this.makeGoods.findForChange(tx, scopeOf(caller), id);
      if (!makeGood) throw new NotFoundError('make-good', id);
      const transition = transitionMakeGood(makeGood.status, action);
      if (!transition.allowed) throw new ConflictError(transition.reason);
      const before = makeGoodViewOf(makeGood);
      const at = new Date();
      await effect(tx, makeGood, at);
      makeGood.history = [
        ...makeGood.history,
        { from: makeGood.status, to: transition.to, actor: caller.actor, reason, at: at.toISOString() },
      ];
      makeGood.status = transition.to;
      const after = makeGoodViewOf(await this.makeGoods.save(tx, makeGood));
      await this.audit.record(tx, {
        tenantId: caller.tenantId,
        action: `make-good.${transition.to}`,
        targetType: 'make-good',
        targetId: id,
        before,
        after,
      });
      return after;
    });
  }

  /** Checks the make-good line's terms, every fault at once naming its field; nothing is booked on any. */
  private async check(
    tenantId: string,
    proposal: MakeGood,
    shortLine: OrderLineView,
    terms: MakeGoodLineTerms,
  ): Promise<CheckedTerms> {
    const { timeZone } = await this.calendars.findOfTenant(tenantId);
    const today = localDayOf(new Date(), timeZone);
    const errors: FieldError[] = [];
    const { flightStart, flightEnd } = terms;
    const realDays = isCalendarDay(flightStart) && isCalendarDay(flightEnd);
    if (!isCalendarDay(flightStart)) errors.push({ field: 'flightStart', message: 'must be a calendar day' });
    else if (flightStart < today)
      errors.push({ field: 'flightStart', message: `must not be in the past (the agency's today is ${today})` });
    if (!isCalendarDay(flightEnd)) errors.push({ field: 'flightEnd', message: 'must be a calendar day' });
    else if (realDays && flightEnd < flightStart)
      errors.push({ field: 'flightEnd', message: 'must not be before flightStart' });
    const days = realDays ? daysFrom(flightStart, flightEnd).length : 0;
    if (days > MAX_AVAILABILITY_DAYS)
      errors.push({ field: 'flightEnd', message: `a flight lasts at most ${MAX_AVAILABILITY_DAYS} days` });
    const shortfall = Number(proposal.shortfall);
    if (proposal.shortfallUnit === 'days' && days > 0 && days !== shortfall)
      errors.push({
        field: 'flightEnd',
        message: `makes good ${shortfall} missed days: the flight must last ${shortfall}`,
      });
    const impressionsPerDay = proposal.shortfallUnit === 'impressions' && days > 0 ? Math.ceil(shortfall / days) : 0;
    if (impressionsPerDay > MAX_DAILY_CAPACITY)
      errors.push({
        field: 'flightEnd',
        message: `${impressionsPerDay} impressions a day: spread them over more days`,
      });
    const adUnitId = terms.adUnitId ?? shortLine.adUnitId;
    const [unit] = await this.adUnits.findMany(tenantId, [adUnitId]);
    if (!unit) errors.push({ field: 'adUnitId', message: 'must be an ad unit of the agency' });
    else if (!unit.active || !unit.siteId)
      errors.push({ field: 'adUnitId', message: `ad unit ${unit.code} is off sale or on no site` });
    else if (shortLine.pricingModel === 'sponsorship' && !unit.exclusiveSponsorship)
      errors.push({ field: 'adUnitId', message: `ad unit ${unit.code} is not sold as an exclusive sponsorship` });
    if (errors.length > 0) throw new ValidationFailedError(errors);
    return { adUnitId, flightStart, flightEnd, impressionsPerDay };
  }
}
