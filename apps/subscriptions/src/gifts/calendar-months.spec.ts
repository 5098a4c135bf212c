import { addCalendarMonths } from './calendar-months';

const at = (iso: string) => new Date(iso);

describe('addCalendarMonths', () => {
  it('moves by calendar months at the same time of day', () => {
    expect(addCalendarMonths(at('2026-11-15T08:30:00.000Z'), 3).toISOString()).toBe('2027-02-15T08:30:00.000Z');
    expect(addCalendarMonths(at('2026-03-01T00:00:00.000Z'), 12).toISOString()).toBe('2027-03-01T00:00:00.000Z');
  });

  it('crosses year ends and runs up to three years', () => {
    expect(addCalendarMonths(at('2026-12-10T10:00:00.000Z'), 1).toISOString()).toBe('2027-01-10T10:00:00.000Z');
    expect(addCalendarMonths(at('2026-12-10T10:00:00.000Z'), 36).toISOString()).toBe('2029-12-10T10:00:00.000Z');
  });

  it('ends on the last day of a shorter month', () => {
    expect(addCalendarMonths(at('2027-01-31T12:00:00.000Z'), 1).toISOString()).toBe('2027-02-28T12:00:00.000Z');
    expect(addCalendarMonths(at('2028-01-31T12:00:00.000Z'), 1).toISOString()).toBe('2028-02-29T12:00:00.000Z');
    expect(addCalendarMonths(at('2027-03-31T12:00:00.000Z'), 1).toISOString()).toBe('2027-04-30T12:00:00.000Z');
    expect(addCalendarMonths(at('2028-02-29T12:00:00.000Z'), 12).toISOString()).toBe('2029-02-28T12:00:00.000Z');
  });

  it('leaves its argument alone', () => {
    const from = at('2027-01-31T12:00:00.000Z');
    addCalendarMonths(from, 1);
    expect(from.toISOString()).toBe('2027-01-31T12:00:00.000Z');
  });
});
