import { Injectable } from '@nestjs/common';
import { dayNumber } from '../calendar/agency-days';
import { PacingState, repace } from '../pacing/pacing';
import { FLAT_CURVE, LocalHours, TrafficCurve } from '../pacing/traffic-curve';
import type { HeldLine } from './ad-memory';
import type { LineCandidate, LinePace } from './decide-ads';

/** A line pacing has not looked at (not paced, or not yet): it serves every chance. */
const UNPACED: LinePace = { probability: 1, need: 1 };

interface HeldPace extends LinePace {
  /** What is left of the goal: counted down by this instance's serves until the next look. */
  remaining: number;
}

/** What pacing needs to look at a line: the line, what it delivered, and the agency's time now. */
export interface PacingLook {
  line: HeldLine;
  delivered: number;
  at: LocalHours;
}

/**
 * Pacing's verdicts in this instance's memory: each paced line's chance and need, set every few
 * minutes by `look` from the lines' delivered counts and their sites' traffic curves, read by
 * every decision. Between looks, a line this instance serves to its goal stops at once.
 */
@Injectable()
export class LinePacing {
  private paces = new Map<string, HeldPace>();
  private states = new Map<string, PacingState>();
  private curves = new Map<string, TrafficCurve>();

  /** Pacing's verdict on a line now (a bound function, handed to every decision). */
  readonly paceOf = (line: LineCandidate): LinePace => this.paces.get(line.lineId) ?? UNPACED;

  /** The line was served here: its goal is that much nearer. */
  served(lineId: string): void {
    const pace = this.paces.get(lineId);
    if (pace && --pace.remaining <= 0) pace.probability = 0;
  }

  curveOf(siteId: string): TrafficCurve {
    return this.curves.get(siteId) ?? FLAT_CURVE;
  }

  /** Sites' curves drawn from their history; a site not named is flat. */
  useCurves(curves: Map<string, TrafficCurve>): void {
    this.curves = curves;
  }

  /** A look at every paced line in flight; a line not looked at any more serves unpaced (it no longer serves). */
  look(looks: readonly PacingLook[]): void {
    const paces = new Map<string, HeldPace>();
    const states = new Map<string, PacingState>();
    for (const { line, delivered, at } of looks) {
      const days = dayNumber(line.flightEnd) - dayNumber(line.flightStart) + 1;
      const goal = line.impressionsPerDay * days;
      const state = repace(
        { goal, flightStart: line.flightStart, flightEnd: line.flightEnd, mode: line.pacing },
        this.curveOf(line.siteId),
        this.states.get(line.lineId),
        delivered,
        at,
      );
      states.set(line.lineId, state);
      paces.set(line.lineId, { probability: state.probability, need: state.need, remaining: goal - delivered });
    }
    this.paces = paces;
    this.states = states;
  }
}
