import type { AdDevice, OrderStatus, PricingModel, ServedCreative } from '@libs/contracts';
import { unitAccepts } from '../creatives/creative-rules';

/** A line that may fill a unit, as memory holds it. */
export interface LineCandidate {
  orderId: string;
  orderStatus: OrderStatus;
  lineId: string;
  /** The unit the line is booked on (beacons name it). */
  adUnitId: string;
  advertiserId: string;
  /** The advertiser's line of business: two of the same never share a page. */
  category: string;
  pricingModel: PricingModel;
  /** Agency-local days, both included. */
  flightStart: string;
  flightEnd: string;
  impressionsPerDay: number;
  targeting: {
    sections?: string[];
    devices?: AdDevice[];
    countries?: string[];
    subscriberStatus?: string;
  };
  /** Lines set a priority some day (1 first); none does yet. */
  priority?: number;
  creatives: ServedCreative[];
}

/** One unit of the page, with the lines booked on it. */
export interface UnitToFill {
  code: string;
  sizes: readonly string[];
  lines: readonly LineCandidate[];
}

export interface AdPage {
  /** The agency-local day of the request. */
  today: string;
  section?: string;
  device?: AdDevice;
}

export interface DecideAdsOptions {
  /** In [0, 1): breaks ties (which of equal lines, which of a line's creatives). */
  random: () => number;
  /** Impressions a line delivered today; a seam until beacons count them (every line is at 0). */
  deliveredToday?: (lineId: string) => number;
}

export interface AdChoice {
  line: LineCandidate;
  creative: ServedCreative;
}

export interface UnitChoice {
  unit: string;
  choice: AdChoice | null;
}

/**
 * What each unit of one page shows. A whole-day sponsorship of a unit takes it first (every unit
 * of the page is offered its sponsorships before any guaranteed line); then guaranteed lines, by
 * priority where a line has one, else by how far behind today's goal it is. A line serves only
 * while its order is live, its flight covers today, its targeting matches the page, and it has an
 * approved creative the unit accepts. One page never shows the same advertiser twice, nor two
 * advertisers of the same category. Pure: the same inputs and random source give the same answer.
 *
 * Seams left: house ads and passbacks (a unit with no line answers nothing), pacing (need is the
 * share of today's goal not delivered), frequency caps, ad-free readers, and targeting by country
 * and subscriber status (a line that sets them is not served until the reader's are known).
 */
export function decideAds(units: readonly UnitToFill[], page: AdPage, options: DecideAdsOptions): UnitChoice[] {
  const advertisers = new Set<string>();
  const categories = new Set<string>();
  const chosen: (AdChoice | null)[] = units.map(() => null);
  const take = (index: number, lines: LineCandidate[]): void => {
    const unit = units[index];
    for (const line of lines) {
      if (advertisers.has(line.advertiserId) || categories.has(line.category)) continue;
      const creatives = line.creatives.filter((creative) => unitAccepts(unit.sizes, creative));
      if (creatives.length === 0) continue;
      chosen[index] = { line, creative: creatives[Math.floor(options.random() * creatives.length)] };
      advertisers.add(line.advertiserId);
      categories.add(line.category);
      return;
    }
  };
  const eligible = units.map((unit) => unit.lines.filter((line) => serves(line, page)));
  eligible.forEach((lines, index) =>
    take(
      index,
      shuffled(
        lines.filter((line) => line.pricingModel === 'sponsorship'),
        options.random,
      ),
    ),
  );
  const delivered = options.deliveredToday ?? (() => 0);
  eligible.forEach((lines, index) => {
    if (chosen[index]) return;
    const guaranteed = shuffled(
      lines.filter((line) => line.pricingModel !== 'sponsorship'),
      options.random,
    ).map((line) => ({ line, need: needOf(line, delivered(line.lineId)) }));
    guaranteed.sort((a, b) => (a.line.priority ?? Infinity) - (b.line.priority ?? Infinity) || b.need - a.need);
    take(
      index,
      guaranteed.map(({ line }) => line),
    );
  });
  return units.map((unit, index) => ({ unit: unit.code, choice: chosen[index] }));
}

function serves(line: LineCandidate, page: AdPage): boolean {
  if (line.orderStatus !== 'live') return false;
  if (page.today < line.flightStart || page.today > line.flightEnd) return false;
  const { sections, devices, countries, subscriberStatus } = line.targeting;
  if (sections?.length && (!page.section || !sections.includes(page.section))) return false;
  if (devices?.length && (!page.device || !devices.includes(page.device))) return false;
  if (countries?.length) return false;
  if (subscriberStatus && subscriberStatus !== 'any') return false;
  return true;
}

/** The share of today's goal not yet delivered (1: nothing yet). */
function needOf(line: LineCandidate, delivered: number): number {
  return line.impressionsPerDay > 0 ? Math.max(0, 1 - delivered / line.impressionsPerDay) : 0;
}

/** A copy in an order drawn from `random` (Fisher–Yates), so ties fall either way. */
function shuffled<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
