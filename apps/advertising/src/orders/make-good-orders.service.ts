import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditTrail, ConflictError } from '@libs/common';
import type { OrderView, PricingModel, QuoteView } from '@libs/contracts';
import { AdUnitsService } from '../ad-units/ad-units.service';
import { capacityOn } from '../ad-units/unit-capacity';
import { daysFrom } from '../calendar/agency-days';
import { InventoryDayRepository } from '../inventory/inventory-day.repository';
import { orderViewOf } from './order-view';
import { OrderRepository } from './order.repository';

/** The short line a make-good line makes good, as its order knows it. */
export interface ShortLine {
  id: string;
  orderId: string;
  pricingModel: PricingModel;
}

/** A make-good line as ad ops accepted it: where, when, and (cpm) how many impressions a day. */
export interface MakeGoodBooking {
  tenantId: string;
  advertiserId: string;
  currency: string;
  shortLine: ShortLine;
  adUnitId: string;
  flightStart: string;
  flightEnd: string;
  /** cpm: the shortfall spread over the days; ignored for whole-day lines (they take each day whole). */
  impressionsPerDay: number;
  actor: string;
  reason: string;
}

export const MAKE_GOOD_ROUNDING = 'A make-good line: delivered at no charge, never invoiced.';

/**
 * Books a make-good line in an order of its own, approved at once at no charge: its impressions
 * are held by the same conditional update as any booking (never beyond capacity) and sold in the
 * same transaction. The caller publishes what the order serves.
 */
@Injectable()
export class MakeGoodOrdersService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly adUnits: AdUnitsService,
    private readonly inventory: InventoryDayRepository,
    private readonly audit: AuditTrail,
  ) {}

  async book(tx: EntityManager, booking: MakeGoodBooking, field: string): Promise<OrderView> {
    const { tenantId, shortLine } = booking;
    const [unit] = await this.adUnits.lockForBooking(tx, tenantId, [booking.adUnitId]);
    if (!unit?.active || !unit.siteId) throw new ConflictError(`ad unit ${booking.adUnitId} went off sale meanwhile`);
    const days = daysFrom(booking.flightStart, booking.flightEnd);
    await this.inventory.ensureDays(
      tx,
      tenantId,
      unit.id,
      days.map((day) => ({ day, capacity: capacityOn(unit, day) })),
    );
    const wholeDay = shortLine.pricingModel !== 'cpm';
    const take = wholeDay
      ? { wholeDay: true as const }
      : { wholeDay: false as const, impressions: booking.impressionsPerDay };
    const held = await this.inventory.hold(tx, unit.id, days, take);
    if (held.length < days.length) {
      const full = days.filter((day) => !held.some((h) => h.day === day));
      throw new ConflictError(
        `${field}: ad unit ${unit.code} has no room for the make-good line on ${full.join(', ')}`,
      );
    }
    const short = (await this.orders.linesOf([shortLine.orderId], tx)).find((line) => line.id === shortLine.id);
    if (!short) throw new ConflictError(`line ${shortLine.id} is no longer in its order`);
    const taken = held.reduce((sum, day) => sum + day.impressions, 0);
    const impressionsPerDay = Math.floor(taken / days.length);
    const now = new Date().toISOString();
    const { order, lines } = await this.orders.add(
      tx,
      {
        tenantId,
        advertiserId: booking.advertiserId,
        name: `Make-good of line ${shortLine.id}`,
        status: 'approved',
        servingVersion: 0,
        currency: booking.currency,
        taxable: '0',
        vat: '0',
        total: '0',
        holdExpiresAt: null,
        cancellationPenalty: null,
        takeover: null,
        sponsoredArticle: null,
        cancellation: null,
        // free: nothing to invoice or to pay before it serves
        paymentTerms: 'invoice',
        netDays: null,
        invoiceId: null,
        payBy: null,
        paidAt: null,
        history: [{ from: 'draft', to: 'approved', actor: booking.actor, reason: booking.reason, at: now }],
      },
      [
        {
          position: 0,
          adUnitId: unit.id,
          pricingModel: shortLine.pricingModel,
          flightStart: booking.flightStart,
          flightEnd: booking.flightEnd,
          impressionsPerDay,
          targeting: short.targeting,
          quote: {
            ...freeQuote(short.quote, unit.id, short.pricingModel, days.length, taken),
            currency: booking.currency,
          },
          roadblockId: null,
          makeGoodOf: shortLine.id,
          // owed delivery, paced as fast as it can
          priority: null,
          frequencyCap: null,
          pacing: 'asap',
          days: held,
        },
      ],
    );
    await this.inventory.sellHeld(tx, order.id);
    const view = orderViewOf(order, lines);
    await this.audit.record(tx, {
      tenantId,
      action: 'order.approved',
      targetType: 'order',
      targetId: order.id,
      after: view,
    });
    return view;
  }
}

/** The quote of a line at no charge: every step 0 (the rate card's version is the short line's). */
function freeQuote(
  short: Pick<QuoteView, 'rateCardVersion'>,
  adUnitId: string,
  pricingModel: PricingModel,
  days: number,
  impressions: number,
): Omit<QuoteView, 'currency'> {
  const zero = '0';
  return {
    adUnitId,
    pricingModel,
    rateCardVersion: short.rateCardVersion,
    days,
    impressions,
    steps: {
      listPrice: zero,
      seasonalAdjustment: zero,
      seasonalPrice: zero,
      volumeDiscountBp: 0,
      volumeDiscount: zero,
      net: zero,
      commissionBp: 0,
      commission: zero,
      taxable: zero,
      vatRateBp: 0,
      vat: zero,
      total: zero,
    },
    rounding: MAKE_GOOD_ROUNDING,
  };
}
