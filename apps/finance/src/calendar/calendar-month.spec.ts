import { firstDayOf, lastDayOf, monthAfter, monthName, monthOfDay, monthsAfter, reportSpan } from './calendar-month';

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

  it('counts months across years, finds the last day of a month, and bounds a report', () => {
    expect(monthsAfter('2026-11', 14)).toBe('2028-01');
    expect(monthsAfter('2026-01', -1)).toBe('2025-12');
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(lastDayOf('2026-12')).toBe('2026-12-31');
    expect(reportSpan('2026-11', '2027-01', 36)).toBe(3);
    expect(() => reportSpan('2026-11', '2026-10', 36)).toThrow('invalid to');
    expect(() => reportSpan('2023-01', '2026-01', 36)).toThrow('invalid to');
  });
});
