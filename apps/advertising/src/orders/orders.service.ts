import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail, Caller, ConflictError, NotFoundError } from '@libs/common';
import { CreateOrderRequest, DEFAULT_HOLD_HOURS, ListOrdersRequest, OrderView } from '@libs/contracts';
import { AdUnitsService } from '../ad-units/ad-units.service';
import { advertiserScopeOf } from '../advertisers/advertisers.service';
import { InventoryDayRepository } from '../inventory/inventory-day.repository';
import { fitsOn } from '../inventory/unit-day-availability';
import { PricedProposal, QuotesService } from '../quotes/quotes.service';
import { orderViewOf } from './order-view';
import { OrderRepository, OrderScope } from './order.repository';

const HOUR_MS = 3_600_000;

@Injectable()
export class OrdersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly quotes: QuotesService,
    private readonly adUnits: AdUnitsService,
    private readonly inventory: InventoryDayRepository,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Prices the lines, then in one transaction writes the order and holds each line's impressions
   * on each of its days with a conditional update PostgreSQL checks against capacity (the table's
   * CHECK backs it); a line that does not fit on a day refuses the whole order (409, naming the
   * days) and nothing is held or written. The unit-day rows stay locked only from that update to
   * the commit. A day already without room is refused before the transaction, from a plain read:
   * a refusal may be that stale, a booking never is.
   */
  async create(caller: Caller, request: CreateOrderRequest): Promise<OrderView> {
    const tenantId = caller.tenantId;
    const advertiser = (await this.quotes.advertiserFor(caller, request.advertiserId, 'advertiserId', true))!;
    const priced = await this.quotes.price(tenantId, request.lines, !!advertiser.mediaAgency, (i) => `lines[${i}].`);
    await this.refuseWhereFull(tenantId, priced);
    const holdMs = (request.holdHours ?? DEFAULT_HOLD_HOURS) * HOUR_MS;
    return this.dataSource.transaction(async (tx) => {
      const unitIds = [...new Set(priced.map((p) => p.unit.id))].sort();
      const units = new Map((await this.adUnits.lockForBooking(tx, tenantId, unitIds)).map((unit) => [unit.id, unit]));
      const stale = unitIds.filter((id) => !units.get(id)?.active || !units.get(id)?.siteId);
      if (stale.length > 0) throw new ConflictError(`ad unit ${stale.join(', ')} went off sale meanwhile`);
      // a whole-day line takes each day's capacity: the unit's, which its days to come keep while the unit is locked
      const takeOf = (p: PricedProposal) =>
        p.wholeDay ? units.get(p.unit.id)!.dailyCapacity : p.line.impressionsPerDay!;
      const sum = (pick: (p: PricedProposal) => string) =>
        priced.reduce((total, p) => total + BigInt(pick(p)), 0n).toString();
      const { order, lines } = await this.orders.add(
        tx,
        {
          tenantId,
          advertiserId: advertiser.id,
          name: request.name,
          status: 'draft',
          servingVersion: 0,
          currency: priced[0].quote.currency,
          taxable: sum((p) => p.quote.steps.taxable),
          vat: sum((p) => p.quote.steps.vat),
          total: sum((p) => p.quote.steps.total),
          holdExpiresAt: new Date(Date.now() + holdMs),
          cancellationPenalty: null,
          history: [],
        },
        priced.map((proposal, i) => ({
          position: i,
          adUnitId: proposal.unit.id,
          pricingModel: proposal.line.pricingModel,
          flightStart: proposal.line.flightStart,
          flightEnd: proposal.line.flightEnd,
          impressionsPerDay: takeOf(proposal),
          targeting: proposal.line.targeting ?? {},
          quote: proposal.quote,
          priority: null,
          frequencyCap: null,
          pacing: 'even',
          days: proposal.days.map((day) => ({ day, impressions: takeOf(proposal) })),
        })),
      );
      const view = orderViewOf(order, lines);
      await this.audit.record(tx, {
        tenantId,
        action: 'order.created',
        targetType: 'order',
        targetId: order.id,
        after: view,
      });
      for (const id of unitIds) {
        const days = [...new Set(priced.filter((p) => p.unit.id === id).flatMap((p) => p.days))];
        await this.inventory.ensureDays(tx, tenantId, id, units.get(id)!.dailyCapacity, days);
      }
      if (priced.length > 1)
        await this.inventory.lockDays(
          tx,
          priced.flatMap((p) => p.days.map((day) => ({ adUnitId: p.unit.id, day }))),
        );
      for (const [i, proposal] of priced.entries()) {
        const take = proposal.wholeDay
          ? { wholeDay: true as const }
          : { wholeDay: false as const, impressions: takeOf(proposal) };
        const held = await this.inventory.hold(tx, proposal.unit.id, proposal.days, take);
        if (held.length < proposal.days.length)
          throw noRoom(
            i,
            proposal,
            proposal.days.filter((day) => !held.some((h) => h.day === day)),
          );
      }
      return view;
    });
  }

  /** Refuses, before any lock is taken, a line that finds a day already without room for it. */
  private async refuseWhereFull(tenantId: string, priced: PricedProposal[]): Promise<void> {
    for (const [i, proposal] of priced.entries()) {
      const { days, unit } = proposal;
      const stored = await this.inventory.findRange(tenantId, [unit.id], days[0], days[days.length - 1]);
      const take = proposal.wholeDay
        ? { wholeDay: true as const }
        : { wholeDay: false as const, impressions: proposal.line.impressionsPerDay! };
      const full = days.filter(
        (day) => !fitsOn(stored.find((row) => row.day === day) ?? null, unit.dailyCapacity, take),
      );
      if (full.length > 0) throw noRoom(i, proposal, full);
    }
  }

  async list(caller: Caller, request: ListOrdersRequest): Promise<OrderView[]> {
    const orders = await this.orders.findMany(scopeOf(caller), request.status, request.advertiserId);
    const lines = await this.orders.linesOf(orders.map((order) => order.id));
    return orders.map((order) => orderViewOf(order, lines));
  }

  async get(caller: Caller, id: string): Promise<OrderView> {
    const order = await this.orders.findOne(scopeOf(caller), id);
    if (!order) throw new NotFoundError('order', id);
    return orderViewOf(order, await this.orders.linesOf([order.id]));
  }
}

function noRoom(i: number, proposal: PricedProposal, days: string[]): ConflictError {
  const named = `${days.slice(0, 31).join(', ')}${days.length > 31 ? ` and ${days.length - 31} more days` : ''}`;
  return new ConflictError(`lines[${i}]: ad unit ${proposal.unit.code} has no room for the line on ${named}`);
}

/** Staff see the agency's orders; an advertiser's key only its own (another's answer 404, as unknown ones do). */
export function scopeOf(caller: Caller): OrderScope {
  return { tenantId: caller.tenantId, advertiserId: advertiserScopeOf(caller) };
}
