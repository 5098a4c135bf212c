import type { GoalUnit, PricingModel } from '@libs/contracts';

/** A line whose flight ended: its model, goal and price. */
export interface EndedLine {
  pricingModel: PricingModel;
  flightEnd: string;
  impressionsPerDay: number;
  flightDays: number;
  /** The line's price, tax excluded, minor units. */
  taxable: bigint;
}

/** What the line's recorded days add up to. */
export interface FlightDelivery {
  impressions: number;
  /** Earned over the flight (tax excluded): never more than the price. */
  amount: bigint;
  daysWithoutDelivery: string[];
}

export interface Shortfall {
  unit: GoalUnit;
  goal: number;
  delivered: number;
  shortfall: number;
  missedDays: string[];
  /** The price not earned: a cpm line's shortfall × its price, a whole-day line's missed days' shares. */
  creditAmount: bigint;
  reason: string;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Whether the line delivered short of its goal by its flight's end, and by how much: a cpm line
 * counts impressions against impressions per day × days; a whole-day line (cpd, sponsorship) the
 * days that delivered nothing. Null when it delivered its goal. Pure.
 */
export function shortfallOf(line: EndedLine, delivery: FlightDelivery): Shortfall | null {
  const creditAmount = line.taxable > delivery.amount ? line.taxable - delivery.amount : 0n;
  if (line.pricingModel === 'cpm') {
    const goal = line.impressionsPerDay * line.flightDays;
    const shortfall = goal - delivery.impressions;
    if (shortfall <= 0) return null;
    return {
      unit: 'impressions',
      goal,
      delivered: delivery.impressions,
      shortfall,
      missedDays: [],
      creditAmount,
      reason: `under-delivery: ${count(delivery.impressions)} of ${count(goal)} impressions by the end of the flight on ${line.flightEnd}, ${count(shortfall)} short`,
    };
  }
  const missedDays = [...delivery.daysWithoutDelivery].sort();
  if (missedDays.length === 0) return null;
  return {
    unit: 'days',
    goal: line.flightDays,
    delivered: line.flightDays - missedDays.length,
    shortfall: missedDays.length,
    missedDays,
    creditAmount,
    reason: `under-delivery: nothing served on ${missedDays.length} of ${line.flightDays} days (${missedDays.join(', ')})`,
  };
}
