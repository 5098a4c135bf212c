import { addDays, daysBetween, postingDateOf } from './posting-date';

describe('postingDateOf', () => {
  it('dates a payment at 18:00 UTC on 30 November on 1 December for a Vietnamese agency', () => {
    expect(postingDateOf('2026-11-30T18:00:00Z', 'Asia/Ho_Chi_Minh')).toBe('2026-12-01');
  });

  it('keeps the UTC day when the agency is in UTC, and the day before west of it', () => {
    expect(postingDateOf('2026-11-30T18:00:00Z', 'UTC')).toBe('2026-11-30');
    expect(postingDateOf('2026-12-01T03:00:00Z', 'America/New_York')).toBe('2026-11-30');
  });

  it('defaults to Asia/Ho_Chi_Minh', () => {
    expect(postingDateOf(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });

  it('refuses what is not an instant', () => {
    expect(() => postingDateOf('yesterday')).toThrow(/not an instant/);
  });
});

describe('calendar days', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });

  it('counts days between two dates', () => {
    expect(daysBetween('2026-11-20', '2026-12-20')).toBe(30);
    expect(daysBetween('2026-12-20', '2026-11-20')).toBe(-30);
  });
});
