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

  it('dates every minute of a day with a change of clocks as the time zone database does, half-hour and 45-minute zones included', () => {
    const zones = [
      'America/New_York',
      'Europe/London',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'Asia/Ho_Chi_Minh',
      'Pacific/Chatham',
    ];
    // 2026-11-01: New York falls back; 2026-10-04: Lord Howe springs forward by half an hour.
    for (const start of [Date.UTC(2026, 9, 31, 12), Date.UTC(2026, 9, 3, 0)]) {
      for (const timeZone of zones) {
        const direct = new Intl.DateTimeFormat('en-CA', {
          timeZone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
        });
        for (let at = start; at < start + 2 * 86_400_000; at += 60_000) {
          const instant = new Date(at);
          if (postingDateOf(instant, timeZone) !== direct.format(instant))
            throw new Error(`${timeZone} ${instant.toISOString()}: ${postingDateOf(instant, timeZone)}`);
        }
      }
    }
    expect(postingDateOf('2026-11-01T03:59:00Z', 'America/New_York')).toBe('2026-10-31');
    expect(postingDateOf('2026-11-01T04:00:00Z', 'America/New_York')).toBe('2026-11-01');
    expect(postingDateOf('2026-11-30T18:14:59.999Z', 'Asia/Kathmandu')).toBe('2026-11-30');
    expect(postingDateOf('2026-11-30T18:15:00Z', 'Asia/Kathmandu')).toBe('2026-12-01');
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
