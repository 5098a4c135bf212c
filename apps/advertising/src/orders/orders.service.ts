import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail, Caller, ConflictError, NotFoundError } from '@libs/common';
import { CreateOrderRequest, DEFAULT_HOLD_HOURS, ListOrdersRequest, OrderView } from '@libs/contracts';
import { AdUnitsService } from '../ad-units/ad-units.service';
import { advertiserScopeOf } from '../advertisers/advertisers.service';
import { InventoryDayRepository, TakenDay } from '../inventory/inventory-day.repository';
import { QuotesService } from '../quotes/quotes.service';
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
   * Prices the lines, then in one transaction holds each line's impressions on each of its days
   * with a conditional update PostgreSQL checks against capacity; a line that does not fit on a
   * day refuses the whole order (409, naming the days) and nothing is held or written.
   */
  async create(caller: Caller, request: CreateOrderRequest): Promise<OrderView> {
    const tenantId = caller.tenantId;
    const advertiser = (await this.quotes.advertiserFor(caller, request.advertiserId, 'advertiserId', true))!;
    const priced = await this.quotes.price(tenantId, request.lines, !!advertiser.mediaAgency, (i) => `lines[${i}].`);
    const holdMs = (request.holdHours ?? DEFAULT_HOLD_HOURS) * HOUR_MS;
    return this.dataSource.transaction(async (tx) => {
      const unitIds = [...new Set(priced.map((p) => p.unit.id))].sort();
      const units = await this.adUnits.lockForBooking(tx, tenantId, unitIds);
      const stale = units.filter((unit) => !unit.active || !unit.siteId);
      if (stale.length > 0 || units.length !== unitIds.length)
        throw new ConflictError(`ad unit ${stale.map((unit) => unit.code).join(', ')} went off sale meanwhile`);
      await this.inventory.lockDays(
        tx,
        tenantId,
        units.map((unit) => ({
          adUnitId: unit.id,
          capacity: unit.dailyCapacity,
          days: [...new Set(priced.filter((p) => p.unit.id === unit.id).flatMap((p) => p.days))],
        })),
      );
      const taken: TakenDay[][] = [];
      for (const [i, proposal] of priced.entries()) {
        const held = await this.inventory.hold(
          tx,
          proposal.unit.id,
          proposal.days,
          proposal.wholeDay ? { wholeDay: true } : { wholeDay: false, impressions: proposal.line.impressionsPerDay! },
        );
        if (held.length < proposal.days.length) {
          const short = proposal.days.filter((day) => !held.some((h) => h.day === day));
          throw new ConflictError(
            `lines[${i}]: ad unit ${proposal.unit.code} has no room for the line on ${short.slice(0, 31).join(', ')}${short.length > 31 ? ` and ${short.length - 31} more days` : ''}`,
          );
        }
        taken.push(held);
      }
      const sum = (pick: (p: (typeof priced)[number]) => string) =>
        priced.reduce((total, p) => total + BigInt(pick(p)), 0n).toString();
      const { order, lines } = await this.orders.add(
        tx,
        {
          tenantId,
          advertiserId: advertiser.id,
          name: request.name,
          status: 'draft',
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
          impressionsPerDay: proposal.wholeDay ? proposal.unit.dailyCapacity : proposal.line.impressionsPerDay!,
          targeting: proposal.line.targeting ?? {},
          quote: proposal.quote,
          days: taken[i],
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
      return view;
    });
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

/** Staff see the agency's orders; an advertiser's key only its own (another's answer 404, as unknown ones do). */
export function scopeOf(caller: Caller): OrderScope {
  return { tenantId: caller.tenantId, advertiserId: advertiserScopeOf(caller) };
}
