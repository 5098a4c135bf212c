import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, Caller, ConflictError, NotFoundError } from '@libs/common';
import {
  CreateOrderRequest,
  DEFAULT_HOLD_HOURS,
  ListOrdersRequest,
  OrderSponsoredArticleView,
  OrderTakeoverView,
  OrderView,
  PaymentTerms,
} from '@libs/contracts';
import { AdUnitsService } from '../ad-units/ad-units.service';
import { advertiserScopeOf } from '../advertisers/advertisers.service';
import { capacityOn } from '../ad-units/unit-capacity';
import { InventoryDayRepository, TakenDay } from '../inventory/inventory-day.repository';
import { fitsOn } from '../inventory/unit-day-availability';
import { PricedProposal, QuotesService } from '../quotes/quotes.service';
import type { OrderLine } from './order-line.entity';
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

  /** Prices the proposed lines for the advertiser the caller acts for, and books them (below). */
  async create(caller: Caller, request: CreateOrderRequest): Promise<OrderView> {
    const tenantId = caller.tenantId;
    const advertiser = (await this.quotes.advertiserFor(caller, request.advertiserId, 'advertiserId', true))!;
    const priced = await this.quotes.price(
      tenantId,
      request.lines,
      !!advertiser.mediaAgency,
      (i, field) => `lines[${i}].${field}`,
    );
    return this.book(
      tenantId,
      {
        advertiserId: advertiser.id,
        name: request.name,
        paymentTerms: advertiser.paymentTerms,
        netDays: advertiser.netDays,
        holdHours: request.holdHours,
      },
      priced,
    );
  }

  /**
   * In one transaction writes the order of priced lines and holds each line's impressions on each
   * of its days with a conditional update PostgreSQL checks against capacity (the table's CHECK
   * backs it); a line that does not fit on a day refuses the whole order (409 naming every unit and
   * day without room, as `refusal` words it) and nothing is held or written. The unit-day rows stay
   * locked only from that update to the commit. A day already without room is refused before the
   * transaction, from a plain read: a refusal may be that stale, a booking never is. `within` adds
   * what a product writes with its order (a sponsored article's teaser), in the same transaction.
   */
  async book(
    tenantId: string,
    booked: BookedOrder,
    priced: PricedProposal[],
    options: {
      refusal?: (gaps: RoomGap[]) => ConflictError;
      within?: (tx: EntityManager, lines: OrderLine[]) => Promise<void>;
    } = {},
  ): Promise<OrderView> {
    const refusal = options.refusal ?? noRoom;
    await this.refuseWhereFull(tenantId, priced, refusal);
    const holdMs = (booked.holdHours ?? DEFAULT_HOLD_HOURS) * HOUR_MS;
    return this.dataSource.transaction(async (tx) => {
      const unitIds = [...new Set(priced.map((p) => p.unit.id))].sort();
      const units = new Map((await this.adUnits.lockForBooking(tx, tenantId, unitIds)).map((unit) => [unit.id, unit]));
      const stale = unitIds.filter((id) => !units.get(id)?.active || !units.get(id)?.siteId);
      if (stale.length > 0) throw new ConflictError(`ad unit ${stale.join(', ')} went off sale meanwhile`);
      // a day never booked gets the unit's capacity on it, which the unit, locked, keeps until the commit
      for (const id of unitIds) {
        const days = [...new Set(priced.filter((p) => p.unit.id === id).flatMap((p) => p.days))].sort();
        const unit = units.get(id)!;
        await this.inventory.ensureDays(
          tx,
          tenantId,
          id,
          days.map((day) => ({ day, capacity: capacityOn(unit, day) })),
        );
      }
      if (priced.length > 1)
        await this.inventory.lockDays(
          tx,
          priced.flatMap((p) => p.days.map((day) => ({ adUnitId: p.unit.id, day }))),
        );
      // a whole-day line takes each day's whole capacity: what the hold answers is what the line keeps
      const taken: TakenDay[][] = [];
      const gaps: RoomGap[] = [];
      for (const [index, proposal] of priced.entries()) {
        const take = proposal.wholeDay
          ? { wholeDay: true as const }
          : { wholeDay: false as const, impressions: proposal.line.impressionsPerDay! };
        const held = await this.inventory.hold(tx, proposal.unit.id, proposal.days, take);
        if (held.length < proposal.days.length)
          gaps.push({ index, proposal, days: proposal.days.filter((day) => !held.some((h) => h.day === day)) });
        taken.push(held);
      }
      if (gaps.length > 0) throw refusal(gaps);
      const sum = (pick: (p: PricedProposal) => string) =>
        priced.reduce((total, p) => total + BigInt(pick(p)), 0n).toString();
      const { order, lines } = await this.orders.add(
        tx,
        {
          tenantId,
          advertiserId: booked.advertiserId,
          name: booked.name,
          status: 'draft',
          servingVersion: 0,
          currency: priced[0].quote.currency,
          taxable: sum((p) => p.quote.steps.taxable),
          vat: sum((p) => p.quote.steps.vat),
          total: sum((p) => p.quote.steps.total),
          holdExpiresAt: new Date(Date.now() + holdMs),
          cancellationPenalty: null,
          cancellation: null,
          // the terms it is booked under stay with it, whatever ad ops grant the advertiser later
          paymentTerms: booked.paymentTerms,
          netDays: booked.netDays,
          invoiceId: null,
          payBy: null,
          paidAt: null,
          history: [],
          takeover: booked.takeover ?? null,
          sponsoredArticle: booked.sponsoredArticle ?? null,
        },
        priced.map((proposal, i) => ({
          position: i,
          adUnitId: proposal.unit.id,
          pricingModel: proposal.line.pricingModel,
          flightStart: proposal.line.flightStart,
          flightEnd: proposal.line.flightEnd,
          impressionsPerDay: perDayOf(taken[i]),
          targeting: proposal.line.targeting ?? {},
          quote: proposal.quote,
          roadblockId: proposal.line.roadblockId ?? null,
          makeGoodOf: null,
          priority: null,
          frequencyCap: null,
          pacing: 'even',
          days: taken[i],
        })),
      );
      if (options.within) await options.within(tx, lines);
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

  /** Refuses, before any lock is taken, lines that find a day already without room for them. */
  private async refuseWhereFull(
    tenantId: string,
    priced: PricedProposal[],
    refusal: (gaps: RoomGap[]) => ConflictError,
  ): Promise<void> {
    const gaps: RoomGap[] = [];
    for (const [index, proposal] of priced.entries()) {
      const { days, unit } = proposal;
      const stored = await this.inventory.findRange(tenantId, [unit.id], days[0], days[days.length - 1]);
      const take = proposal.wholeDay
        ? { wholeDay: true as const }
        : { wholeDay: false as const, impressions: proposal.line.impressionsPerDay! };
      const full = days.filter(
        (day) => !fitsOn(stored.find((row) => row.day === day) ?? null, capacityOn(unit, day), take),
      );
      if (full.length > 0) gaps.push({ index, proposal, days: full });
    }
    if (gaps.length > 0) throw refusal(gaps);
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

/** What an order writes besides its lines: whose, its name, how long it holds, the product it is. */
export interface BookedOrder {
  advertiserId: string;
  name: string;
  /** The advertiser's terms when it books: they stay with the order, whatever ad ops grant later. */
  paymentTerms: PaymentTerms;
  netDays: number | null;
  holdHours?: number;
  takeover?: OrderTakeoverView | null;
  sponsoredArticle?: OrderSponsoredArticleView | null;
}

/** The days a proposed line found no room on. */
export interface RoomGap {
  index: number;
  proposal: PricedProposal;
  days: string[];
}

/** Days named, at most 31 of them. */
export function namedDays(days: string[]): string {
  return `${days.slice(0, 31).join(', ')}${days.length > 31 ? ` and ${days.length - 31} more days` : ''}`;
}

function noRoom(gaps: RoomGap[]): ConflictError {
  return new ConflictError(
    gaps
      .map(
        ({ index, proposal, days }) =>
          `lines[${index}]: ad unit ${proposal.unit.code} has no room for the line on ${namedDays(days)}`,
      )
      .join('; '),
  );
}

/** Impressions a line takes per day: its goal, or for a whole-day line the days' capacities on average (rounded down). */
function perDayOf(taken: TakenDay[]): number {
  return Math.floor(taken.reduce((sum, day) => sum + day.impressions, 0) / Math.max(1, taken.length));
}

/** Staff see the agency's orders; an advertiser's key only its own (another's answer 404, as unknown ones do). */
export function scopeOf(caller: Caller): OrderScope {
  return { tenantId: caller.tenantId, advertiserId: advertiserScopeOf(caller) };
}
