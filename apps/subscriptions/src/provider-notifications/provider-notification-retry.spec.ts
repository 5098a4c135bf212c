import { nextAttemptOf } from './provider-notification-retry';

describe('retrying a failed provider notification', () => {
  const receivedAt = new Date('2026-12-01T00:00:00Z');
  const delayS = (attempts: number, now: Date) =>
    (nextAttemptOf(attempts, receivedAt, now).nextAttemptAt.getTime() - now.getTime()) / 1000;

  it('waits 30 s after the first failure, doubling each time up to an hour', () => {
    const now = new Date('2026-12-01T00:01:00Z');
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 50].map((attempts) => delayS(attempts, now))).toEqual([
      30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600,
    ]);
  });

  it('keeps trying for three days after receipt, then gives up', () => {
    expect(nextAttemptOf(8, receivedAt, new Date('2026-12-01T00:04:00Z')).givesUp).toBe(false);
    expect(nextAttemptOf(70, receivedAt, new Date('2026-12-03T23:59:59Z')).givesUp).toBe(false);
    expect(nextAttemptOf(71, receivedAt, new Date('2026-12-04T00:00:00Z')).givesUp).toBe(true);
  });
});
