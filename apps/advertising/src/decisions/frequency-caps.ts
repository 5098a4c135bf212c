import type { FrequencyCap } from '@libs/contracts';

/** How often a reader was served one capped line in its current window, and when that window ends (unix seconds). */
export interface CapCount {
  count: number;
  until: number;
}

/** A reader's counts by line key (`capKeyOf`), as their cap token carries them. */
export type CapCounts = ReadonlyMap<number, CapCount>;

export const NO_CAP_COUNTS: CapCounts = new Map();

/** At most this many capped lines are carried; past it, the windows ending soonest are dropped. */
export const CAP_TOKEN_MAX_LINES = 40;

/** A line's key in cap tokens: the first 48 bits of its id, as a number (exact in a double). */
export function capKeyOf(lineId: string): number {
  return parseInt(lineId.replace(/-/g, '').slice(0, 12), 16);
}

/** Whether the reader was served the line as often as its cap allows, in a window not yet over. */
export function cappedOut(counts: CapCounts, capKey: number, cap: FrequencyCap, now: number): boolean {
  const held = counts.get(capKey);
  return !!held && held.until > now && held.count >= cap.impressions;
}

/**
 * The reader's counts once this page's capped lines were served: a line's window starts at the
 * first impression served in it and lasts the cap's hours; an ended window starts again. Ended
 * windows are dropped, and at most `CAP_TOKEN_MAX_LINES` lines kept (those whose windows end last).
 */
export function countServed(
  counts: CapCounts,
  served: readonly { capKey: number; cap: FrequencyCap }[],
  now: number,
): Map<number, CapCount> {
  const next = new Map<number, CapCount>();
  for (const [key, held] of counts) if (held.until > now) next.set(key, held);
  for (const { capKey, cap } of served) {
    const held = next.get(capKey);
    next.set(capKey, held ? { count: held.count + 1, until: held.until } : { count: 1, until: now + cap.hours * 3600 });
  }
  if (next.size <= CAP_TOKEN_MAX_LINES) return next;
  return new Map([...next].sort((a, b) => b[1].until - a[1].until).slice(0, CAP_TOKEN_MAX_LINES));
}
