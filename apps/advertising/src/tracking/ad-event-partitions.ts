/** Days of raw events a daily partition is made for ahead of today (UTC), so beacons never wait for one. */
export const PARTITION_DAYS_AHEAD = 7;
/** Beacons count up to a day after their decision: yesterday's partition must be there too. */
const DAYS_BEHIND = 1;
const DAY_MS = 86_400_000;

export interface PartitionPlan {
  /** Days to make a partition for (missing, and not held by the DEFAULT partition). */
  create: string[];
  /** Days whose partition is past retention, to drop with their rows. */
  drop: string[];
  /** Days the DEFAULT partition holds rows of that a partition would be made for: left where they are. */
  blocked: string[];
  /** Rows of the DEFAULT partition decided before this day are past retention. */
  defaultKeptFrom: string;
}

/**
 * What the partition job does on `today` (a UTC day): a partition for every day from yesterday to
 * `PARTITION_DAYS_AHEAD` ahead, and none for a day older than `retentionDays` (the oldest kept is
 * today − retentionDays). A day whose rows already went to the DEFAULT partition (no partition
 * was there when they came) gets none: PostgreSQL refuses one while the DEFAULT holds its rows,
 * and nothing is moved out of the DEFAULT behind anyone's back. Those rows stay there, counted
 * and deduplicated alike, until they pass retention.
 */
export function planPartitions(
  today: string,
  existing: readonly string[],
  inDefault: readonly string[],
  retentionDays: number,
): PartitionPlan {
  const start = Date.parse(`${today}T00:00:00Z`);
  const dayAt = (offset: number) => new Date(start + offset * DAY_MS).toISOString().slice(0, 10);
  const have = new Set(existing);
  const held = new Set(inDefault);
  const wanted = Array.from({ length: DAYS_BEHIND + PARTITION_DAYS_AHEAD + 1 }, (_, i) => dayAt(i - DAYS_BEHIND));
  const keptFrom = dayAt(-retentionDays);
  return {
    create: wanted.filter((day) => !have.has(day) && !held.has(day)),
    drop: existing.filter((day) => day < keptFrom),
    blocked: wanted.filter((day) => !have.has(day) && held.has(day)),
    defaultKeptFrom: keptFrom,
  };
}
