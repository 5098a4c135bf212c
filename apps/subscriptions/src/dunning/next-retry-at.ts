const DAY_MS = 86_400_000;

/** However late a retry ran, the next one waits at least this long after it. */
export const MIN_RETRY_GAP_MS = 12 * 60 * 60 * 1000;

/**
 * When the suite's next retry of a failed renewal is due: `retryDays[attemptsMade]` days after
 * the case opened, but never sooner than {@link MIN_RETRY_GAP_MS} after the retry just made (a
 * scheduler that was down does not fire the missed retries back to back). Null when every
 * scheduled retry has been made.
 */
export function nextRetryAt(
  openedAt: Date,
  retryDays: readonly number[],
  attemptsMade: number,
  lastAttemptAt: Date | null,
): Date | null {
  const day = retryDays[attemptsMade];
  if (day === undefined) return null;
  const scheduled = openedAt.getTime() + day * DAY_MS;
  return new Date(lastAttemptAt ? Math.max(scheduled, lastAttemptAt.getTime() + MIN_RETRY_GAP_MS) : scheduled);
}
