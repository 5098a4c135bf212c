import type { AdDevice, AdFill, FrequencyCap, OrderStatus, PricingModel, ServedCreative } from '@libs/contracts';
import { unitAccepts } from '../creatives/creative-rules';

/** A line that may fill a unit, as memory holds it. */
export interface LineCandidate {
  orderId: string;
  orderStatus: OrderStatus;
  lineId: string;
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
  const offered = (index: number) =>
    page.reader !== 'subscriber' || page.subscriberMaxUnits === null || index < page.subscriberMaxUnits;
  const pace = options.pace ?? (() => UNPACED);
  const cappedOut = options.cappedOut ?? (() => false);
  const advertisers = new Set<string>();
  const categories = new Set<string>();
  const chosen: (Taken<L> | null)[] = units.map(() => null);
  const creativeFor = (unit: UnitToFill<L>, line: L): ServedCreative | null => {
    const creatives = line.creatives.filter((creative) => unitAccepts(unit.sizes, creative));
    return creatives.length === 0 ? null : creatives[Math.floor(options.random() * creatives.length)];
  };
  const separated = (line: L) => !advertisers.has(line.advertiserId) && !categories.has(line.category);
  const keep = (index: number, taken: Taken<L>) => {
    chosen[index] = taken;
    advertisers.add(taken.line.advertiserId);
    categories.add(taken.line.category);
  };
  const drawn = (chance: number) => chance >= 1 || options.random() < chance;

  // the lines that may serve on each offered unit: live, in flight, targeted here, under their cap
  const live = units.map((unit, index) =>
    offered(index) ? unit.lines.filter((line) => line.orderStatus === 'live' && inFlight(line, page.today)) : [],
  );
  const eligible = (line: L) => targets(line, page) && !cappedOut(line);

  // a takeover's lines share their advertiser: separation is checked against what the page showed before it
  for (const roadblock of ranked(roadblocksOf(live, pace), options.random)) {
    if (roadblock.members.some(({ index, line }) => chosen[index] || !separated(line) || !eligible(line))) continue;
    const taken = roadblock.members.map(({ index, line }) => ({
      index,
      line,
      creative: creativeFor(units[index], line),
    }));
    if (taken.some(({ creative }) => !creative)) continue;
    if (!drawn(Math.min(...roadblock.members.map(({ line }) => pace(line).probability)))) continue;
    for (const { index, line, creative } of taken) keep(index, { line, creative: creative! });
  }
  const single = live.map((lines) => lines.filter((line) => !line.roadblockId && eligible(line)));
  single.forEach((lines, index) => {
    if (chosen[index]) return;
    const sponsorships = shuffled(
      lines.filter((line) => line.pricingModel === 'sponsorship'),
      options.random,
    );
    for (const line of sponsorships) {
      const creative = separated(line) && drawn(pace(line).probability) ? creativeFor(units[index], line) : null;
      if (creative) return keep(index, { line, creative });
    }
  });
  single.forEach((lines, index) => {
    if (chosen[index]) return;
    const guaranteed = lines.filter((line) => line.pricingModel !== 'sponsorship' && separated(line));
    const candidates = guaranteed.map((line) => ({ line, priority: line.priority, need: pace(line).need }));
    for (const { line } of ranked(candidates, options.random)) {
      const creative = separated(line) && drawn(pace(line).probability) ? creativeFor(units[index], line) : null;
      if (creative) return keep(index, { line, creative });
    }
  });
  return units.map((unit, index) => {
    const taken = chosen[index];
    if (taken) return { unit: unit.code, fill: 'line', line: taken.line, creative: taken.creative, passback: null };
    if (!offered(index)) return none(unit.code);
    const house = unit.houseCreatives.filter((creative) => unitAccepts(unit.sizes, creative));
    if (house.length > 0) {
      const creative = house[Math.floor(options.random() * house.length)];
      return { unit: unit.code, fill: 'house', line: null, creative, passback: null };
    }
    if (unit.passbackTag)
      return { unit: unit.code, fill: 'passback', line: null, creative: null, passback: unit.passbackTag };
    return none(unit.code);
  });
}

function none<L extends LineCandidate>(unit: string): UnitChoice<L> {
  return { unit, fill: 'none', line: null, creative: null, passback: null };
}

function inFlight(line: LineCandidate, today: string): boolean {
  return today >= line.flightStart && today <= line.flightEnd;
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
}

/** The takeovers with a line live on the page's offered units: every such line is a member. */
function roadblocksOf<L extends LineCandidate>(live: L[][], pace: (line: L) => LinePace): Roadblock<L>[] {
  const found = new Map<string, Roadblock<L>>();
  live.forEach((lines, index) => {
    for (const line of lines) {
      if (!line.roadblockId) continue;
      let roadblock = found.get(line.roadblockId);
      if (!roadblock) found.set(line.roadblockId, (roadblock = { members: [], priority: null, need: 0 }));
      roadblock.members.push({ index, line });
      if (line.priority !== null && (roadblock.priority === null || line.priority < roadblock.priority))
        roadblock.priority = line.priority;
      roadblock.need = Math.max(roadblock.need, pace(line).need);
    }
  });
  return [...found.values()];
}

/** Highest priority first (none last), then most behind plan; ties fall as `random` shuffles them. */
function ranked<T extends { priority: number | null; need: number }>(items: T[], random: () => number): T[] {
  return shuffled(items, random).sort((a, b) => (a.priority ?? Infinity) - (b.priority ?? Infinity) || b.need - a.need);
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
