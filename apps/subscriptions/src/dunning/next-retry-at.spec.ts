import { MIN_RETRY_GAP_MS, nextRetryAt } from './next-retry-at';

const opened = new Date('2026-03-01T08:00:00Z');
const day = (n: number, hours = 0) => new Date(opened.getTime() + n * 86_400_000 + hours * 3_600_000);

describe('nextRetryAt', () => {
  it('schedules the first retry on the first retry day after the case opened', () => {
    expect(nextRetryAt(opened, [1, 3, 5], 0, null)).toEqual(day(1));
  });

  it('schedules each later retry on its own day, counted from the opening, not from the last retry', () => {
    expect(nextRetryAt(opened, [1, 3, 5], 1, day(1))).toEqual(day(3));
    expect(nextRetryAt(opened, [1, 3, 5], 2, day(3, 2))).toEqual(day(5));
  });

  it('answers null once every scheduled retry has been made', () => {
    expect(nextRetryAt(opened, [1, 3, 5], 3, day(5))).toBeNull();
    expect(nextRetryAt(opened, [], 0, null)).toBeNull();
  });

  it('keeps a late retry from being followed at once by the next one', () => {
    const late = day(4);
    expect(nextRetryAt(opened, [1, 3, 5], 1, late)).toEqual(new Date(late.getTime() + MIN_RETRY_GAP_MS));
  });
});
