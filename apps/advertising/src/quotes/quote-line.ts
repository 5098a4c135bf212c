import type { PricingModel, VolumeBasis } from '@libs/contracts';

const BP = 10_000n;

/** What a line's price depends on from its unit's rate card (prices VAT-exclusive, minor units). */
export interface LinePrices {
  cpdPrice: bigint | null;
  cpmPrice: bigint | null;
  sponsorshipDayPrice: bigint | null;
  /** Per sponsored article ("bài PR"), whatever its exposure window. */
  sponsoredArticlePrice: bigint | null;
  vatRateBp: number;
  seasonalMultipliers: readonly { from: string; to: string; multiplierBp: number }[];
  volumeDiscounts: readonly { basis: VolumeBasis; atLeast: number; discountBp: number }[];
  commissionTiers: readonly { atLeast: bigint; commissionBp: number }[];
}

export interface PricedLine {
  pricingModel: PricingModel;
  /** The flight's agency-local days, `YYYY-MM-DD`. */
  days: readonly string[];
  /** Impressions the line takes each day (cpm: its goal; whole days: the day's capacity). */
  impressionsPerDay: number;
  /** Booked through a media agency, which earns the rate card's commission. */
  commissionable: boolean;
  /**
   * A sponsored article: a `sponsorship` of its exposure window priced once per article, not per day
   * (the multiplier of its first day applies; volume discounts, being per day or impression, do not).
   */
  product?: 'sponsored-article';
}

export interface QuoteArithmetic {
  days: number;
  impressions: number;
  listPrice: bigint;
  seasonalAdjustment: bigint;
  seasonalPrice: bigint;
  volumeDiscountBp: number;
  volumeDiscount: bigint;
  net: bigint;
  commissionBp: number;
  commission: bigint;
  taxable: bigint;
  vatRateBp: number;
  vat: bigint;
  total: bigint;
}

export const QUOTE_ROUNDING =
  'Each step is rounded once to the minor unit, half up: the list price and the seasonal price are summed exactly over the days (a cpm day is impressions × CPM / 1000) and rounded at the end; the volume discount, the commission and VAT are each rounded from their base. Where several seasonal periods cover a day, the largest multiplier applies; the largest volume and commission tiers reached apply. A sponsored article is priced once, whatever its window: the multiplier of its first exposure day applies, and no volume discount.';

/** `numerator / denominator` rounded half up, for non-negative numerators. */
function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/**
 * The price of one line from its unit's rate card, each step shown: list price, seasonal
 * multipliers, volume discount, media-agency commission, VAT, total. Null when the rate card has no
 * price for the line's pricing model. Pure: the flight's days and impressions are given.
 */
export function quoteLine(line: PricedLine, card: LinePrices): QuoteArithmetic | null {
  const priced = line.product === 'sponsored-article' ? perArticle(line, card) : perDay(line, card);
  if (!priced) return null;
  const { listPrice, seasonalPrice, volumeDiscountBp } = priced;
  const impressions = line.impressionsPerDay * line.days.length;
  const volumeDiscount = roundHalfUp(seasonalPrice * BigInt(volumeDiscountBp), BP);
  const net = seasonalPrice - volumeDiscount;
  const commissionBp = line.commissionable
    ? largestReached(card.commissionTiers.map((tier) => ({ reached: net >= tier.atLeast, bp: tier.commissionBp })))
    : 0;
  const commission = roundHalfUp(net * BigInt(commissionBp), BP);
  const taxable = net - commission;
  const vat = roundHalfUp(taxable * BigInt(card.vatRateBp), BP);
  return {
    days: line.days.length,
    impressions,
    listPrice,
    seasonalAdjustment: seasonalPrice - listPrice,
    seasonalPrice,
    volumeDiscountBp,
    volumeDiscount,
    net,
    commissionBp,
    commission,
    taxable,
    vatRateBp: card.vatRateBp,
    vat,
    total: taxable + vat,
  };
}

/** List and seasonal price summed over the flight's days (a cpm day: impressions × CPM / 1000), and the volume tier reached. */
function perDay(line: PricedLine, card: LinePrices): ListedPrice | null {
  const dayPrice = { cpd: card.cpdPrice, sponsorship: card.sponsorshipDayPrice, cpm: card.cpmPrice }[line.pricingModel];
  if (dayPrice === null) return null;
  // cpm days are priced per thousand: numerators carry the /1000 to the single rounding.
  const perMille = line.pricingModel === 'cpm' ? 1000n : 1n;
  const dayNumerator = line.pricingModel === 'cpm' ? dayPrice * BigInt(line.impressionsPerDay) : dayPrice;
  let listNumerator = 0n;
  let seasonalNumerator = 0n;
  for (const day of line.days) {
    listNumerator += dayNumerator;
    seasonalNumerator += dayNumerator * BigInt(multiplierBpOn(day, card.seasonalMultipliers));
  }
  const impressions = line.impressionsPerDay * line.days.length;
  return {
    listPrice: roundHalfUp(listNumerator, perMille),
    seasonalPrice: roundHalfUp(seasonalNumerator, perMille * BP),
    volumeDiscountBp: largestReached(
      card.volumeDiscounts.map((tier) => ({
        reached: (tier.basis === 'days' ? line.days.length : impressions) >= tier.atLeast,
        bp: tier.discountBp,
      })),
    ),
  };
}

/** One price for the article, at the multiplier of its first exposure day; no volume discount. */
function perArticle(line: PricedLine, card: LinePrices): ListedPrice | null {
  const price = card.sponsoredArticlePrice;
  if (price === null || line.days.length === 0) return null;
  const multiplierBp = multiplierBpOn(line.days[0], card.seasonalMultipliers);
  return { listPrice: price, seasonalPrice: roundHalfUp(price * BigInt(multiplierBp), BP), volumeDiscountBp: 0 };
}

interface ListedPrice {
  listPrice: bigint;
  seasonalPrice: bigint;
  volumeDiscountBp: number;
}

/** The multiplier of the day: the largest of the periods covering it, ×1 (10000) when none does. */
function multiplierBpOn(day: string, periods: LinePrices['seasonalMultipliers']): number {
  const covering = periods.filter((period) => period.from <= day && day <= period.to).map((p) => p.multiplierBp);
  return covering.length > 0 ? Math.max(...covering) : 10_000;
}

function largestReached(tiers: { reached: boolean; bp: number }[]): number {
  return Math.max(0, ...tiers.filter((tier) => tier.reached).map((tier) => tier.bp));
}
