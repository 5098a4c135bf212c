import { Injectable } from '@nestjs/common';
import { Caller, NotFoundError, ValidationFailedError } from '@libs/common';
import { FieldError, MAX_AVAILABILITY_DAYS, ProposedLine, QuoteRequest, QuoteView } from '@libs/contracts';
import type { AdUnit } from '../ad-units/ad-unit.entity';
import { AdUnitsService } from '../ad-units/ad-units.service';
import { capacityOn } from '../ad-units/unit-capacity';
import { advertiserScopeOf, AdvertisersService } from '../advertisers/advertisers.service';
import { daysFrom, isCalendarDay, localDayOf } from '../calendar/agency-days';
import { AgencyCalendarRepository } from '../calendar/agency-calendar.repository';
import type { RateCard } from '../rate-cards/rate-card.entity';
import { RateCardsService } from '../rate-cards/rate-cards.service';
import { LinePrices, QUOTE_ROUNDING, quoteLine } from './quote-line';

/** A proposed line, or a product sold as one (a sponsored article: a sponsorship priced per article). */
export type ProposedProductLine = ProposedLine & { product?: 'sponsored-article'; roadblockId?: string };

/** Where a fault of the `i`th proposed line's `field` is reported (`lines[0].flightStart`). */
export type FieldOfLine = (i: number, field: string) => string;

/** A proposed line checked against the agency's units and rate cards, and priced. */
export interface PricedProposal {
  line: ProposedProductLine;
  unit: AdUnit;
  card: RateCard;
  days: string[];
  /** cpd and sponsorship lines take each day whole. */
  wholeDay: boolean;
  quote: QuoteView;
}

@Injectable()
export class QuotesService {
  constructor(
    private readonly adUnits: AdUnitsService,
    private readonly cards: RateCardsService,
    private readonly advertisers: AdvertisersService,
    private readonly calendars: AgencyCalendarRepository,
  ) {}

  async quote(caller: Caller, request: QuoteRequest): Promise<QuoteView> {
    const { advertiserId, ...line } = request;
    const advertiser = await this.advertiserFor(caller, advertiserId, 'advertiserId', false);
    const [priced] = await this.price(caller.tenantId, [line], !!advertiser?.mediaAgency, (_i, field) => field);
    return priced.quote;
  }

  /**
   * The advertiser a caller acts for: an advertiser's key its own (naming another is not found),
   * staff the one named (required when `required`). Unknown ids are bad input naming `field`.
   */
  async advertiserFor(caller: Caller, advertiserId: string | undefined, field: string, required: boolean) {
    const own = advertiserScopeOf(caller);
    if (own !== null) {
      if (advertiserId !== undefined && advertiserId !== own) throw new NotFoundError('advertiser', advertiserId);
      advertiserId = own;
    }
    if (advertiserId === undefined) {
      if (required) throw new ValidationFailedError([{ field, message: 'must name the advertiser the order is for' }]);
      return null;
    }
    const advertiser = await this.advertisers.find(caller.tenantId, advertiserId);
    if (!advertiser) throw new ValidationFailedError([{ field, message: 'must be an advertiser of the agency' }]);
    return advertiser;
  }

  /**
   * Checks proposed lines (real days, a flight from the agency's today on, a goal only and always
   * for cpm, a unit of the agency on a site and on sale, a rate card pricing the model, one
   * currency for all) and prices each. Every fault is reported at once (once, when several lines
   * share it), named by `fieldOf`; nothing is priced when any is found.
   */
  async price(
    tenantId: string,
    lines: ProposedProductLine[],
    commissionable: boolean,
    fieldOf: FieldOfLine,
  ): Promise<PricedProposal[]> {
    const { timeZone } = await this.calendars.findOfTenant(tenantId);
    const today = localDayOf(new Date(), timeZone);
    const unitIds = [...new Set(lines.map((line) => line.adUnitId))];
    const units = new Map((await this.adUnits.findMany(tenantId, unitIds)).map((unit) => [unit.id, unit]));
    const cards = await this.cards.ofUnits(tenantId, unitIds);
    const errors: FieldError[] = [];
    const priced: PricedProposal[] = [];
    lines.forEach((line, i) => {
      const fault = (field: string, message: string) => {
        const named = { field: fieldOf(i, field), message };
        if (!errors.some((e) => e.field === named.field && e.message === named.message)) errors.push(named);
      };
      const realDays = isCalendarDay(line.flightStart) && isCalendarDay(line.flightEnd);
      if (!isCalendarDay(line.flightStart)) fault('flightStart', 'must be a calendar day');
      else if (line.flightStart < today)
        fault('flightStart', `must not be in the past (the agency's today is ${today})`);
      if (!isCalendarDay(line.flightEnd)) fault('flightEnd', 'must be a calendar day');
      else if (realDays && line.flightEnd < line.flightStart) fault('flightEnd', 'must not be before flightStart');
      const days = realDays ? daysFrom(line.flightStart, line.flightEnd) : [];
      if (days.length > MAX_AVAILABILITY_DAYS)
        fault('flightEnd', `a flight lasts at most ${MAX_AVAILABILITY_DAYS} days`);
      if (line.pricingModel === 'cpm' && line.impressionsPerDay === undefined)
        fault('impressionsPerDay', 'is required for a cpm line');
      if (line.pricingModel !== 'cpm' && line.impressionsPerDay !== undefined)
        fault('impressionsPerDay', `a ${line.pricingModel} line takes whole days: leave it out`);
      const unit = units.get(line.adUnitId);
      const card = cards.get(line.adUnitId);
      if (!unit) return fault('adUnitId', 'must be an ad unit of the agency');
      if (!unit.active) return fault('adUnitId', `ad unit ${unit.code} is off sale`);
      if (!unit.siteId) return fault('adUnitId', `ad unit ${unit.code} is on no site yet`);
      if (line.pricingModel === 'sponsorship' && !unit.exclusiveSponsorship)
        return fault('pricingModel', `ad unit ${unit.code} is not sold as an exclusive sponsorship`);
      if (!card) return fault('adUnitId', `ad unit ${unit.code} has no rate card`);
      const currency = priced[0]?.card.currency ?? card.currency;
      if (card.currency !== currency)
        return fault('adUnitId', `priced in ${card.currency}, not ${currency} as the other lines`);
      if (errors.length > 0) return;
      const product = line.product === 'sponsored-article' ? 'sponsored-article' : 'line';
      const wholeDay = line.pricingModel !== 'cpm';
      // whole days take each day's capacity: quoted at the flight's average (a forecast's varies by weekday)
      const impressionsPerDay = wholeDay
        ? Math.floor(days.reduce((sum, day) => sum + capacityOn(unit, day), 0) / Math.max(1, days.length))
        : line.impressionsPerDay!;
      const arithmetic = quoteLine(
        {
          pricingModel: line.pricingModel,
          days,
          impressionsPerDay,
          commissionable,
          ...(product === 'sponsored-article' && { product }),
        },
        linePricesOf(card),
      );
      if (!arithmetic)
        return fault(
          'pricingModel',
          `the rate card of ${unit.code} has no ${product === 'line' ? line.pricingModel : 'sponsored-article'} price`,
        );
      const money = (value: bigint) => value.toString();
      priced.push({
        line,
        unit,
        card,
        days,
        wholeDay,
        quote: {
          adUnitId: unit.id,
          pricingModel: line.pricingModel,
          currency: card.currency,
          rateCardVersion: card.version,
          days: arithmetic.days,
          impressions: arithmetic.impressions,
          steps: {
            listPrice: money(arithmetic.listPrice),
            seasonalAdjustment: money(arithmetic.seasonalAdjustment),
            seasonalPrice: money(arithmetic.seasonalPrice),
            volumeDiscountBp: arithmetic.volumeDiscountBp,
            volumeDiscount: money(arithmetic.volumeDiscount),
            net: money(arithmetic.net),
            commissionBp: arithmetic.commissionBp,
            commission: money(arithmetic.commission),
            taxable: money(arithmetic.taxable),
            vatRateBp: arithmetic.vatRateBp,
            vat: money(arithmetic.vat),
            total: money(arithmetic.total),
          },
          rounding: QUOTE_ROUNDING,
        },
      });
    });
    if (errors.length > 0) throw new ValidationFailedError(errors);
    return priced;
  }
}

/** A card's prices as the quote arithmetic takes them. */
export function linePricesOf(card: RateCard): LinePrices {
  const amount = (value: string | null) => (value === null ? null : BigInt(value));
  return {
    cpdPrice: amount(card.cpdPrice),
    cpmPrice: amount(card.cpmPrice),
    sponsorshipDayPrice: amount(card.sponsorshipDayPrice),
    sponsoredArticlePrice: amount(card.sponsoredArticlePrice),
    vatRateBp: card.vatRateBp,
    seasonalMultipliers: card.seasonalMultipliers,
    volumeDiscounts: card.volumeDiscounts,
    commissionTiers: card.commissionTiers.map((tier) => ({ ...tier, atLeast: BigInt(tier.atLeast) })),
  };
}
