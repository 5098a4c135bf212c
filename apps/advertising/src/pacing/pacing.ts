import type { PacingMode } from '@libs/contracts';
import { LocalHours, localHoursOf, TrafficCurve, trafficUpTo } from './traffic-curve';

/** A line as pacing sees it: its goal over its flight (agency-local days, both included) and its mode. */
export interface PacedLine {
  goal: number;
  flightStart: string;
  flightEnd: string;
  mode: PacingMode;
}

/** What pacing decided at its last look at a line, and what it saw then. */
export interface PacingState {
  /** The chance the line serves when it may (throttle): 1 serves every chance, 0 none. */
  probability: number;
  /** How far the line is behind its plan now, as a share of its goal (0 on plan or ahead): ranks lines of one priority. */
  need: number;
  /** The share of the flight's expected traffic gone by, and what was delivered, at that look. */
  share: number;
  delivered: number;
  /**
   * What the line delivers per unit of flight traffic share when served every chance (its reach),
   * smoothed over looks; null until measured.
   */
  reach: number | null;
}

/** How far ahead pacing aims to be back on plan (or the flight's end, when nearer). */
export const PACING_HORIZON_HOURS = 24;
/** The weight of the newest measure of reach. */
const SMOOTHING = 0.3;
/** Below this chance, what the line delivered says too little of its reach to measure it. */
const MEASURABLE = 0.02;

/** The share of the flight's expected traffic gone by at `at` (0 before it begins, 1 once it ended). */
export function flightShare(curve: TrafficCurve, line: Pick<PacedLine, 'flightStart' | 'flightEnd'>, at: LocalHours) {
  const start = localHoursOf(line.flightStart, 0);
  const end = localHoursOf(line.flightEnd, 24);
  if (at <= start) return 0;
  if (at >= end) return 1;
  const from = trafficUpTo(curve, start);
  return (trafficUpTo(curve, at) - from) / (trafficUpTo(curve, end) - from);
}

/**
 * What the line should have delivered once `share` of its flight's traffic has gone by: `even`
 * in step with the traffic, `front-loaded` half again as fast at first and half as fast at the
 * end (1.5s - 0.5s²), `asap` everything at once.
 */
export function planned(mode: PacingMode, goal: number, share: number): number {
  switch (mode) {
    case 'even':
      return goal * share;
    case 'front-loaded':
      return goal * (1.5 * share - 0.5 * share * share);
    case 'asap':
      return goal;
  }
}

/**
 * Pacing's new look at a line, a few minutes after the last (`previous`, none at the first): from
 * what it delivered since, at the chance it had, it measures the line's reach; it then sets the
 * chance that brings the line back on plan by the horizon (a day ahead, or the flight's end),
 * following the site's traffic curve. Ahead of plan, the chance falls (throttle); behind, it
 * rises (boost) and so does the line's need. Past its goal or its flight, the line stops.
 */
export function repace(
  line: PacedLine,
  curve: TrafficCurve,
  previous: PacingState | undefined,
  delivered: number,
  at: LocalHours,
): PacingState {
  const share = flightShare(curve, line, at);
  const remaining = line.goal - delivered;
  const reach = reachOf(previous, share, delivered);
  if (remaining <= 0 || share >= 1) return { probability: 0, need: 0, share, delivered, reach };
  const need = Math.max(0, planned(line.mode, line.goal, share) - delivered) / line.goal;
  if (line.mode === 'asap') return { probability: 1, need, share, delivered, reach };
  const horizon = flightShare(curve, line, at + PACING_HORIZON_HOURS);
  const wanted = Math.max(0, planned(line.mode, line.goal, horizon) - delivered);
  const span = horizon - share;
  const probability = reach === null || reach <= 0 || span <= 0 ? 1 : Math.min(1, wanted / (reach * span));
  return { probability, need, share, delivered, reach };
}

function reachOf(previous: PacingState | undefined, share: number, delivered: number): number | null {
  // a first look in mid-flight (a restarted instance): the average so far, an underestimate the next look corrects
  if (!previous) return share > 0.001 && delivered > 0 ? delivered / share : null;
  const span = share - previous.share;
  if (span <= 0 || previous.probability < MEASURABLE) return previous.reach;
  const observed = Math.max(0, delivered - previous.delivered) / span / previous.probability;
  return previous.reach === null ? observed : previous.reach + SMOOTHING * (observed - previous.reach);
}
