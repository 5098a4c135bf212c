import type { DeliveryFigures } from '@libs/contracts';

/** `numerator / denominator` to `places` decimals, half up. */
function ratio(numerator: number, denominator: number, places: number): number {
  const scale = 10 ** places;
  return Math.round((numerator / denominator) * scale) / scale;
}

/** Counts with their rates: viewable rate and CTR to four decimals, null without impressions. Pure. */
export function figuresOf(counts: {
  impressions: number;
  viewables: number;
  clicks: number;
  uniqueReaders: number;
}): DeliveryFigures {
  const { impressions, viewables, clicks, uniqueReaders } = counts;
  return {
    impressions,
    viewables,
    viewableRate: impressions > 0 ? ratio(viewables, impressions, 4) : null,
    clicks,
    ctr: impressions > 0 ? ratio(clicks, impressions, 4) : null,
    uniqueReaders,
  };
}

export interface Pacing {
  expectedByNow: number;
  deliveredPercent: number;
  expectedPercent: number;
  pacingPercent: number | null;
}

/**
 * Where a line stands against its goal: what an even delivery would have reached by now (the
 * flight's elapsed share of the goal, rounded down), delivered and elapsed in percent, and their
 * ratio (100: on pace; null before the flight begins). Percentages to two decimals. Pure.
 */
export function pacingOf(goal: number, delivered: number, elapsed: number): Pacing {
  const share = Math.min(1, Math.max(0, elapsed));
  return {
    expectedByNow: Math.floor(goal * share),
    deliveredPercent: goal > 0 ? ratio(delivered * 100, goal, 2) : 0,
    expectedPercent: ratio(share * 100, 1, 2),
    pacingPercent: share > 0 && goal > 0 ? ratio(delivered * 100, goal * share, 2) : null,
  };
}

/** The share of a flight elapsed at `now`, between its first instant and the end of its last day. Pure. */
export function elapsedShare(now: Date, flightStarts: Date, flightEnds: Date): number {
  const length = flightEnds.getTime() - flightStarts.getTime();
  if (length <= 0) return 1;
  return Math.min(1, Math.max(0, (now.getTime() - flightStarts.getTime()) / length));
}
