import type { ArticleEarnings, PricingModel } from '@libs/contracts';

/** What a line earns from: its price (tax excluded) over its goal or its days. */
export interface LineEarningTerms {
  pricingModel: PricingModel;
  /** The line's price, tax excluded, minor units: never more is earned over the flight. */
  taxable: bigint;
  /** cpm: impressions per day × the flight's days. */
  goalImpressions: number;
  flightDays: number;
}

/** One agency-local day of the line's delivery. */
export interface DeliveredDay {
  /** Its place in the flight: 0 for the first day. */
  dayIndex: number;
  impressions: number;
  /** cpm: impressions recorded on the flight's earlier days. */
  impressionsBefore: number;
}

/**
 * What a line earned on a day, tax excluded, in minor units. cpm: the price of the impressions
 * delivered up to the goal (impressions × price ÷ goal, the price per thousand the quote made),
 * taken as the difference of the cumulative amounts each rounded down: days carry their fractions,
 * so the flight earns exactly its price when it reaches its goal, never more. cpd and sponsorship:
 * the day's share of the price (the same cumulative rounding by day), earned when the day delivered
 * anything. Pure.
 */
export function earnedOnDay(terms: LineEarningTerms, day: DeliveredDay): bigint {
  if (terms.pricingModel === 'cpm') {
    const goal = BigInt(terms.goalImpressions);
    if (goal === 0n) return 0n;
    const upTo = (impressions: number) => (terms.taxable * BigInt(Math.min(impressions, terms.goalImpressions))) / goal;
    return upTo(day.impressionsBefore + day.impressions) - upTo(day.impressionsBefore);
  }
  if (day.impressions === 0) return 0n;
  const days = BigInt(terms.flightDays);
  const through = (n: number) => (terms.taxable * BigInt(n)) / days;
  return through(day.dayIndex + 1) - through(day.dayIndex);
}

/**
 * The day's amount over the articles its impressions were on, in proportion to their impressions:
 * each rounded down, then the minor units left go one each to the largest remainders (ties by
 * article id). Impressions on pages that are no article (`''`) take their share too, which is left
 * out of the answer: the articles' amounts sum to the amount less that share. Articles earning
 * nothing are left out. Pure.
 */
export function splitOverArticles(
  amount: bigint,
  impressionsByArticle: ReadonlyMap<string, number>,
): ArticleEarnings[] {
  const entries = [...impressionsByArticle.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => (a < b ? -1 : 1));
  const total = BigInt(entries.reduce((sum, [, n]) => sum + n, 0));
  if (total === 0n || amount === 0n) return [];
  const shares = entries.map(([articleId, n]) => ({
    articleId,
    amount: (amount * BigInt(n)) / total,
    remainder: (amount * BigInt(n)) % total,
  }));
  let left = amount - shares.reduce((sum, share) => sum + share.amount, 0n);
  for (const share of [...shares].sort((a, b) =>
    a.remainder === b.remainder ? 0 : a.remainder > b.remainder ? -1 : 1,
  )) {
    if (left === 0n) break;
    share.amount += 1n;
    left -= 1n;
  }
  return shares
    .filter((share) => share.articleId !== '' && share.amount > 0n)
    .map((share) => ({ articleId: share.articleId, amount: share.amount.toString() }));
}
