import type { AdDevice, AdFill, FrequencyCap, OrderStatus, PricingModel, ServedCreative } from '@libs/contracts';
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
    hours?: number[];
  };
  /** Ad ops' priority, 1 first; null after every line that has one. */
  priority: number | null;
  frequencyCap: FrequencyCap | null;
  /** Lines of one takeover fill all their units on a page together, or none does. */
  roadblockId: string | null;
  creatives: ServedCreative[];
}

/** One unit of the page, with the lines booked on it and what fills it when no line wins. */
export interface UnitToFill<L extends LineCandidate = LineCandidate> {
  code: string;
  sizes: readonly string[];
  lines: readonly L[];
  houseCreatives: readonly ServedCreative[];
  passbackTag: string | null;
}

/** Who reads the page, as ads see it: entitled to no ads, a subscriber, or anyone else. */
export type AdReader = 'ad-free' | 'subscriber' | 'non-subscriber';

export interface AdPage {
  /** The agency-local day and hour of the request. */
  today: string;
  hour: number;
  section?: string;
  device?: AdDevice;
  /** ISO 3166-1 alpha-2, from the CDN's header; null when not known. */
  country: string | null;
  reader: AdReader;
  /** A subscriber sees ads in at most this many units, the first the page lists; null: all. */
  subscriberMaxUnits: number | null;
}

export interface LinePace {
  /** The chance the line serves when it may (pacing's throttle). */
  probability: number;
  /** How far behind its plan it is: ranks lines of one priority. */
  need: number;
}

const UNPACED: LinePace = { probability: 1, need: 1 };

export interface DecideAdsOptions<L extends LineCandidate = LineCandidate> {
  /** In [0, 1): breaks ties, draws pacing's chances, picks creatives. */
  random: () => number;
  /** Pacing's verdict on a line now; unpaced lines serve every chance. */
  pace?: (line: L) => LinePace;
  /** Whether the reader has seen the line as often as its frequency cap allows. */
  cappedOut?: (line: L) => boolean;
}

/** What one unit shows: a line's creative, a house creative, the passback tag, or nothing. */
export interface UnitChoice<L extends LineCandidate = LineCandidate> {
  unit: string;
  fill: AdFill;
  line: L | null;
  creative: ServedCreative | null;
  passback: string | null;
}

interface Taken<L> {
  line: L;
  creative: ServedCreative;
}

/**
 * What each unit of one page shows. An `ad-free` reader gets nothing; a subscriber gets ads in
 * the first `subscriberMaxUnits` units the page lists at most. Then, in this order: takeovers
 * (the lines of one roadblock fill every unit of theirs on the page together, or none does),
 * whole-day sponsorships (every unit is offered its sponsorships before any guaranteed line), and
 * guaranteed lines by priority, then by how far behind plan pacing finds them. A line serves only
 * while its order is live, its flight covers today, its targeting matches the page (section,
 * device, country, hour, subscriber status), the reader is under its frequency cap, pacing's
 * chance draws it, and it has an approved creative the unit accepts. One page never shows the
 * same advertiser twice (a takeover's own lines aside), nor two advertisers of one category. A
 * unit no line fills shows one of its house creatives, else its passback tag, else nothing.
 * Pure: the same inputs and random source give the same answer.
 */
export function decideAds<L extends LineCandidate>(
  units: readonly UnitToFill<L>[],
  page: AdPage,
  options: DecideAdsOptions<L>,
): UnitChoice<L>[] {
  if (page.reader === 'ad-free') return units.map((unit) => none(unit.code));
  const { random } = options;
  const pace = options.pace ?? unpaced;
  const cappedOut = options.cappedOut ?? never;
  // units past a subscriber's share are not offered; the rest are, in the page's order
  const offered =
    page.reader === 'subscriber' && page.subscriberMaxUnits !== null
      ? Math.min(units.length, page.subscriberMaxUnits)
      : units.length;
  const advertisers: string[] = [];
  const categories: string[] = [];
  const chosen: (Taken<L> | undefined)[] = new Array<Taken<L> | undefined>(units.length);
  const separated = (line: L) => !advertisers.includes(line.advertiserId) && !categories.includes(line.category);
  const keep = (index: number, line: L, creative: ServedCreative) => {
    chosen[index] = { line, creative };
    advertisers.push(line.advertiserId);
    categories.push(line.category);
  };
  const drawn = (chance: number) => chance >= 1 || random() < chance;
  const eligible = (line: L) => targets(line, page) && !cappedOut(line);

  // one pass over each offered unit's live lines in flight: takeovers apart, then sponsorships, then guaranteed
  let roadblocks: Map<string, Roadblock<L>> | undefined;
  const sponsorships: (L[] | undefined)[] = new Array<L[] | undefined>(offered);
  const guaranteed: (L[] | undefined)[] = new Array<L[] | undefined>(offered);
  for (let index = 0; index < offered; index++) {
    for (const line of units[index].lines) {
      if (line.orderStatus !== 'live' || page.today < line.flightStart || page.today > line.flightEnd) continue;
      if (line.roadblockId) {
        roadblocks ??= new Map();
        let roadblock = roadblocks.get(line.roadblockId);
        if (!roadblock)
          roadblocks.set(line.roadblockId, (roadblock = { members: [], priority: null, need: 0, tie: 0 }));
        roadblock.members.push({ index, line });
        if (line.priority !== null && (roadblock.priority === null || line.priority < roadblock.priority))
          roadblock.priority = line.priority;
        roadblock.need = Math.max(roadblock.need, pace(line).need);
      } else if (line.pricingModel === 'sponsorship') (sponsorships[index] ??= []).push(line);
      else (guaranteed[index] ??= []).push(line);
    }
  }

  // a takeover's lines share their advertiser: separation is checked against what the page showed before it
  if (roadblocks)
    for (const roadblock of ranked([...roadblocks.values()], random)) {
      const { members } = roadblock;
      if (members.some(({ index, line }) => chosen[index] || !separated(line) || !eligible(line))) continue;
      const creatives = members.map(({ index, line }) => creativeFor(units[index].sizes, line.creatives, random));
      if (creatives.includes(null)) continue;
      if (!drawn(Math.min(...members.map(({ line }) => pace(line).probability)))) continue;
      members.forEach(({ index, line }, i) => keep(index, line, creatives[i]!));
    }
  for (let index = 0; index < offered; index++) {
    const lines = sponsorships[index];
    if (chosen[index] || !lines) continue;
    for (const line of shuffled(lines, random)) {
      if (!separated(line) || !eligible(line) || !drawn(pace(line).probability)) continue;
      const creative = creativeFor(units[index].sizes, line.creatives, random);
      if (creative) {
        keep(index, line, creative);
        break;
      }
    }
  }
  for (let index = 0; index < offered; index++) {
    const lines = guaranteed[index];
    if (chosen[index] || !lines) continue;
    const candidates = lines
      .filter((line) => separated(line) && eligible(line))
      .map((line) => ({ line, priority: line.priority, need: pace(line).need, tie: 0 }));
    for (const { line } of ranked(candidates, random)) {
      if (!separated(line) || !drawn(pace(line).probability)) continue;
      const creative = creativeFor(units[index].sizes, line.creatives, random);
      if (creative) {
        keep(index, line, creative);
        break;
      }
    }
  }
  return units.map((unit, index) => {
    const taken = chosen[index];
    if (taken) return { unit: unit.code, fill: 'line', line: taken.line, creative: taken.creative, passback: null };
    if (index >= offered) return none(unit.code);
    const house = creativeFor(unit.sizes, unit.houseCreatives, random);
    if (house) return { unit: unit.code, fill: 'house', line: null, creative: house, passback: null };
    if (unit.passbackTag)
      return { unit: unit.code, fill: 'passback', line: null, creative: null, passback: unit.passbackTag };
    return none(unit.code);
  });
}

const unpaced = (): LinePace => UNPACED;
const never = (): boolean => false;

/** One of the creatives (a line's, or a unit's house ads) of a size the unit accepts, drawn at random; null if none. */
function creativeFor(
  sizes: readonly string[],
  creatives: readonly ServedCreative[],
  random: () => number,
): ServedCreative | null {
  const accepted = creatives.filter((creative) => unitAccepts(sizes, creative));
  return accepted.length === 0 ? null : accepted[Math.floor(random() * accepted.length)];
}

function none<L extends LineCandidate>(unit: string): UnitChoice<L> {
  return { unit, fill: 'none', line: null, creative: null, passback: null };
}

function targets(line: LineCandidate, page: AdPage): boolean {
  const { sections, devices, countries, subscriberStatus, hours } = line.targeting;
  if (sections?.length && (!page.section || !sections.includes(page.section))) return false;
  if (devices?.length && (!page.device || !devices.includes(page.device))) return false;
  if (countries?.length && (!page.country || !countries.includes(page.country))) return false;
  if (hours?.length && !hours.includes(page.hour)) return false;
  if (subscriberStatus === 'subscribers' && page.reader !== 'subscriber') return false;
  if (subscriberStatus === 'non-subscribers' && page.reader === 'subscriber') return false;
  return true;
}

interface Roadblock<L> {
  members: { index: number; line: L }[];
  priority: number | null;
  need: number;
  tie: number;
}

/** Highest priority first (none last), then most behind plan, then as chance has it. */
function ranked<T extends { priority: number | null; need: number; tie: number }>(
  items: T[],
  random: () => number,
): T[] {
  for (const item of items) item.tie = random();
  return items.sort((a, b) => (a.priority ?? Infinity) - (b.priority ?? Infinity) || b.need - a.need || a.tie - b.tie);
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
