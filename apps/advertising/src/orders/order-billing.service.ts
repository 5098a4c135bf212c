import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventOutbox } from '@libs/common';
import { BookingCanceled, BookingInvoiced, OrderCancellationView } from '@libs/contracts';
import { AdUnitsService } from '../ad-units/ad-units.service';
import { AdvertisersService } from '../advertisers/advertisers.service';
import { dayNumber, dayOfNumber, localDayOf, startOfLocalDay } from '../calendar/agency-days';
import { InvoiceCreditsService } from '../invoices/invoice-credits.service';
import { InvoicesService } from '../invoices/invoices.service';
import { RateCardsService } from '../rate-cards/rate-cards.service';
import { settleCanceledLine } from './cancellation-settlement';
import { OrderDeliveryRepository } from './order-delivery.repository';
import type { OrderLine } from './order-line.entity';
import type { Order } from './order.entity';

const HOUR_MS = 3_600_000;
/** How long a prepaid order has to pay once approved (its flight's end, if sooner). */
export const PREPAY_HOURS = 72;
/** The shortest pay-by the payments service takes for a pay link. */
const MIN_PAY_MS = 5 * 60_000;

/**
 * An order's money as it moves: at approval each line is invoiced to finance (BookingInvoiced)
 * and the order's invoice issued (prepay: payable until its pay-by); at cancellation each
 * invoiced line is settled (what was delivered and the penalty kept, the rest credited), told to
 * finance (BookingCanceled) and taken off the invoice, whose overpayment goes back on its rails.
 */
@Injectable()
export class OrderBillingService {
  constructor(
    private readonly adUnits: AdUnitsService,
    private readonly advertisers: AdvertisersService,
    private readonly cards: RateCardsService,
    private readonly invoices: InvoicesService,
    private readonly credits: InvoiceCreditsService,
    private readonly delivery: OrderDeliveryRepository,
    private readonly outbox: EventOutbox,
  ) {}

  /** One BookingInvoiced per line (a booking is a line: one unit, one pricing model, one flight), VAT included, and the invoice. */
  async invoice(tx: EntityManager, order: Order, lines: OrderLine[], timeZone: string, now: Date): Promise<void> {
    const units = new Map(
      (
        await this.adUnits.findMany(
          order.tenantId,
          lines.map((l) => l.adUnitId),
        )
      ).map((u) => [u.id, u]),
    );
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
    const advertiser = await this.advertisers.find(order.tenantId, order.advertiserId);
    const lastDay = lines.reduce((last, line) => (line.flightEnd > last ? line.flightEnd : last), lines[0].flightEnd);
    order.payBy = order.paymentTerms === 'prepay' ? payByOf(now, startOfLocalDay(nextDay(lastDay), timeZone)) : null;
    const invoice = await this.invoices.issue(
      tx,
      {
        tenantId: order.tenantId,
        orderId: order.id,
        orderName: order.name,
        advertiser: {
          id: order.advertiserId,
          name: advertiser?.name ?? order.name,
          taxCode: advertiser?.taxCode ?? null,
        },
        paymentTerms: order.paymentTerms,
        netDays: order.netDays,
        currency: order.currency,
        taxable: order.taxable,
        vat: order.vat,
        total: order.total,
        bookings: lines.map((line) => ({
          bookingId: line.id,
          adUnitId: line.adUnitId,
          pricingModel: line.pricingModel,
          flightStart: line.flightStart,
          flightEnd: line.flightEnd,
          description: `${units.get(line.adUnitId)?.name ?? line.adUnitId} (${line.pricingModel}, ${line.flightStart} – ${line.flightEnd})`,
          taxable: line.quote.steps.taxable,
          vatRateBp: line.quote.steps.vatRateBp,
          vat: line.quote.steps.vat,
          total: line.quote.steps.total,
        })),
        payBy: order.payBy,
        timeZone,
      },
      now,
    );
    order.invoiceId = invoice.id;
  }

  /**
   * Settles the cancellation of an invoiced (approved or live) order, line by line: a live
   * order's delivery so far stays billed, the rate card's penalty by notice applies to the rest
   * when a person canceled (`penaltyApplies`), and the remainder is credited.
   */
  async settleCancellation(
    tx: EntityManager,
    order: Order,
    lines: OrderLine[],
    reason: string,
    penaltyApplies: boolean,
    timeZone: string,
    now: Date,
  ): Promise<OrderCancellationView> {
    const cards = await this.cards.ofUnits(
      order.tenantId,
      lines.map((line) => line.adUnitId),
    );
    const live = order.status === 'live';
    const delivered = live ? await this.delivery.impressionsByLine(tx, order.tenantId, order.id) : new Map();
    const today = dayNumber(localDayOf(now, timeZone));
    const settled = lines.map((line) => {
      const days = dayNumber(line.flightEnd) - dayNumber(line.flightStart) + 1;
      return {
        line,
        ...settleCanceledLine(
          {
            pricingModel: line.pricingModel,
            taxable: BigInt(line.quote.steps.taxable),
            vatRateBp: line.quote.steps.vatRateBp,
            vat: BigInt(line.quote.steps.vat),
            total: BigInt(line.quote.steps.total),
            days,
            daysRun: live ? today - dayNumber(line.flightStart) + 1 : 0,
            impressions: line.impressionsPerDay * days,
            deliveredImpressions: delivered.get(line.id) ?? 0,
            noticeHours: hoursBetween(now, startOfLocalDay(line.flightStart, timeZone)),
            bands: cards.get(line.adUnitId)?.cancellationPenalties ?? [],
          },
          penaltyApplies,
        ),
      };
    });
    await this.outbox.addAll(
      tx,
      BookingCanceled,
      settled.map(({ line, credited, creditedTax, penalty, delivered: kept }) => ({
        tenantId: order.tenantId,
        subject: line.id,
        data: {
          bookingId: line.id,
          advertiserId: order.advertiserId,
          currency: order.currency,
          credited: credited.toString(),
          creditedTax: creditedTax.toString(),
          penalty: penalty.toString(),
          delivered: kept.toString(),
          reason,
          canceledAt: now.toISOString(),
        },
      })),
    );
    await this.credits.credit(
      tx,
      order.tenantId,
      order.id,
      settled.map(({ line, credited }) => ({ bookingId: line.id, credited })),
      reason,
    );
    const sum = (pick: (s: (typeof settled)[number]) => bigint) => settled.reduce((t, s) => t + pick(s), 0n).toString();
    const firstStart = lines.reduce(
      (first, line) => (line.flightStart < first ? line.flightStart : first),
      lines[0].flightStart,
    );
    return {
      noticeHours: Math.floor(hoursBetween(now, startOfLocalDay(firstStart, timeZone))),
      penalty: sum((s) => s.penalty),
      delivered: sum((s) => s.delivered),
      credited: sum((s) => s.credited),
    };
  }
}

/** Pay-by: PREPAY_HOURS after approval, or the end of the flight if sooner (never under the payments service's minimum). */
function payByOf(now: Date, flightEnds: Date): Date {
  const within = Math.min(now.getTime() + PREPAY_HOURS * HOUR_MS, flightEnds.getTime());
  return new Date(Math.max(within, now.getTime() + MIN_PAY_MS));
}

function hoursBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / HOUR_MS;
}

export function nextDay(day: string): string {
  return dayOfNumber(dayNumber(day) + 1);
}
