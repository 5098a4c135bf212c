import { firstDayOf, monthAfter, monthName, monthOfDay } from './calendar-month';

describe('calendar months', () => {
  it('steps from December into January of the next year', () => {
    expect(monthAfter('2026-12')).toBe('2027-01');
    expect(monthAfter('2026-09')).toBe('2026-10');
  });

  it('names a month as an accountant reads it', () => {
    expect(monthName('2026-10')).toBe('October 2026');
  });

  it('takes the month of a day and the first day of a month', () => {
    expect(monthOfDay('2026-10-31')).toBe('2026-10');
    expect(firstDayOf('2026-10')).toBe('2026-10-01');
  });
});
