import { LocalCalendar } from './local-calendar';

const DAY = 86_400_000;
const dayNumber = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY;

describe('local day numbers', () => {
  it('turn at local midnight in Ho Chi Minh City (UTC+7)', () => {
    const calendar = new LocalCalendar('Asia/Ho_Chi_Minh');
    expect(calendar.dayOf(Date.parse('2026-11-30T16:59:59Z'))).toBe(dayNumber(2026, 11, 30));
    expect(calendar.dayOf(Date.parse('2026-11-30T17:00:00Z'))).toBe(dayNumber(2026, 12, 1));
  });

  it('follow daylight saving time where there is some', () => {
    const calendar = new LocalCalendar('America/New_York');
    // 2026-03-08: clocks go forward at 02:00 EST; midnight of the 9th is 04:00Z.
    expect(calendar.dayOf(Date.parse('2026-03-09T03:59:00Z'))).toBe(dayNumber(2026, 3, 8));
    expect(calendar.dayOf(Date.parse('2026-03-09T04:00:00Z'))).toBe(dayNumber(2026, 3, 9));
  });

  it('answer the same day for every instant of a quarter hour, in any order', () => {
    const calendar = new LocalCalendar('Asia/Ho_Chi_Minh');
    const late = Date.parse('2026-11-30T16:45:00Z');
    expect(calendar.dayOf(late + 14 * 60_000)).toBe(dayNumber(2026, 11, 30));
    expect(calendar.dayOf(late + 15 * 60_000)).toBe(dayNumber(2026, 12, 1));
    expect(calendar.dayOf(late)).toBe(dayNumber(2026, 11, 30));
  });
});
