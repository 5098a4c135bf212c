/** The first retry waits this long; each next one twice as long as the one before. */
export const FIRST_RETRY_DELAY_S = 30;
/** No retry waits longer than this. */
export const LONGEST_RETRY_DELAY_S = 3600;
/** After this long since it was received, a notification still failing is given up on (kept as failed). */
export const GIVE_UP_AFTER_S = 3 * 24 * 3600;

/**
 * When a notification that failed for the `attempts`-th time is tried again: 30 s, 1 min, 2 min,
 * … doubling up to an hour, for three days from its receipt; after that it is given up on.
 */
export function nextAttemptOf(
  attempts: number,
  receivedAt: Date,
  now: Date,
): { nextAttemptAt: Date; givesUp: boolean } {
  const delayS = Math.min(LONGEST_RETRY_DELAY_S, FIRST_RETRY_DELAY_S * 2 ** Math.min(Math.max(attempts - 1, 0), 20));
  return {
    nextAttemptAt: new Date(now.getTime() + delayS * 1000),
    givesUp: now.getTime() - receivedAt.getTime() >= GIVE_UP_AFTER_S * 1000,
  };
}
