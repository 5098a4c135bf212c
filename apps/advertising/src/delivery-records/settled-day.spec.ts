import { lastSettledDay } from './settled-day';

const HOUR = 3_600_000;

describe('the last settled day', () => {
  it.each([
    // Hà Nội is UTC+7: 2027-03-10 ends at 2027-03-10T17:00Z, settled two hours later
    ['just before the settling delay passed', '2027-03-10T18:59:59Z', 'Asia/Ho_Chi_Minh', 2 * HOUR, '2027-03-09'],
    ['once the settling delay passed', '2027-03-10T19:00:00Z', 'Asia/Ho_Chi_Minh', 2 * HOUR, '2027-03-10'],
    ['without a delay, at the day end', '2027-03-10T17:00:00Z', 'Asia/Ho_Chi_Minh', 0, '2027-03-10'],
    ['in UTC', '2027-03-11T01:59:00Z', 'UTC', 2 * HOUR, '2027-03-09'],
    ['across a month end', '2027-03-01T02:00:00Z', 'UTC', 2 * HOUR, '2027-02-28'],
  ])('%s: at %s in %s (delay %s ms) the last settled day is %s', (_when, now, zone, settling, day) => {
    expect(lastSettledDay(new Date(now), zone, settling)).toBe(day);
  });
});
