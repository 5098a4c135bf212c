import type { ExclusiveState } from '@libs/contracts';

/** One unit's inventory on one day as stored; null when nothing was ever booked on it. */
export interface InventoryDayCounts {
  capacity: number;
  sold: number;
  held: number;
  /** A whole-day line (cpd or sponsorship) owns the day. */
  exclusive: boolean;
}

export interface UnitDayFigures {
  capacity: number;
  sold: number;
  held: number;
  available: number;
  exclusive: ExclusiveState;
}

/**
 * What a unit has to sell on a day: a day never booked has the unit's capacity; a day a whole-day
 * line owns has nothing left; otherwise capacity less sold and held. An exclusive sponsorship is
 * free only on a day nothing is sold or held on, for units sold so.
 */
export function unitDayFigures(
  stored: InventoryDayCounts | null,
  unit: { dailyCapacity: number; exclusiveSponsorship: boolean },
): UnitDayFigures {
  const { capacity, sold, held, exclusive } = stored ?? {
    capacity: unit.dailyCapacity,
    sold: 0,
    held: 0,
    exclusive: false,
  };
  const available = exclusive ? 0 : Math.max(0, capacity - sold - held);
  const sponsorship: ExclusiveState = !unit.exclusiveSponsorship
    ? 'not-offered'
    : exclusive || sold + held > 0 || capacity === 0
      ? 'taken'
      : 'free';
  return { capacity, sold, held, available, exclusive: sponsorship };
}

/**
 * Whether a line's take fits on a day as stored (null: never booked, the unit's capacity): a
 * whole-day line only on a day with nothing sold or held, impressions only within capacity, and
 * nothing on a day a whole-day line owns. The same rule as the conditional update that holds them.
 */
export function fitsOn(
  stored: InventoryDayCounts | null,
  dailyCapacity: number,
  take: { wholeDay: true } | { wholeDay: false; impressions: number },
): boolean {
  const { capacity, sold, held, exclusive } = stored ?? { capacity: dailyCapacity, sold: 0, held: 0, exclusive: false };
  if (exclusive) return false;
  return take.wholeDay ? sold === 0 && held === 0 && capacity > 0 : sold + held + take.impressions <= capacity;
}

/**
 * The part of a line's price an advertiser owes when canceling with `noticeHours` before its flight
 * begins: the penalty of the shortest notice band the notice falls under, rounded half up; nothing
 * with more notice than every band. Bands are "under N hours: P basis points".
 */
export function cancellationPenaltyOf(
  amount: bigint,
  noticeHours: number,
  bands: readonly { noticeHoursUnder: number; penaltyBp: number }[],
): bigint {
  const band = [...bands]
    .sort((a, b) => a.noticeHoursUnder - b.noticeHoursUnder)
    .find((candidate) => noticeHours < candidate.noticeHoursUnder);
  if (!band) return 0n;
  return (amount * BigInt(band.penaltyBp) * 2n + 10_000n) / 20_000n;
}
