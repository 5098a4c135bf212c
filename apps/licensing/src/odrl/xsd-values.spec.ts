import { addDuration, parseDuration, parseMoment } from './xsd-values';

describe('xsd values', () => {
  it.each([
    ['PT60M', { months: 0, milliseconds: 3_600_000 }],
    ['P60M', { months: 60, milliseconds: 0 }],
    ['P1Y2M', { months: 14, milliseconds: 0 }],
    ['P2W', { months: 0, milliseconds: 14 * 86_400_000 }],
    ['P1DT12H', { months: 0, milliseconds: 36 * 3_600_000 }],
    ['PT0.5S', { months: 0, milliseconds: 500 }],
  ])('reads the duration %s', (text, duration) => {
    expect(parseDuration(text)).toEqual(duration);
  });

  it.each(['P', 'PT', '60M', 'P-1D', 'P1.5D', 'PT1H30'])('refuses %s as a duration', (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it('adds months on the calendar, keeping the end of a short month', () => {
    expect(addDuration(new Date('2026-01-31T10:00:00Z'), parseDuration('P1M')!).toISOString()).toBe(
      '2026-02-28T10:00:00.000Z',
    );
    expect(addDuration(new Date('2026-03-01T00:00:00Z'), parseDuration('PT24H')!).toISOString()).toBe(
      '2026-03-02T00:00:00.000Z',
    );
  });

  it.each([
    ['2026-12-31', '2026-12-31T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    ['2026-12-31+07:00', '2026-12-30T17:00:00.000Z', '2026-12-31T17:00:00.000Z'],
    ['2026-06-01T08:00:00+07:00', '2026-06-01T01:00:00.000Z', '2026-06-01T01:00:00.000Z'],
    ['2026-06-01T08:00', '2026-06-01T08:00:00.000Z', '2026-06-01T08:00:00.000Z'],
  ])('reads %s as [%s, %s)', (text, start, end) => {
    const moment = parseMoment(text)!;
    expect([moment.start.toISOString(), moment.end.toISOString()]).toEqual([start, end]);
  });

  it.each(['2026-02-30', 'tomorrow', '2026-13-01', '2026-06-01T25:00'])('refuses %s as a date', (text) => {
    expect(parseMoment(text)).toBeNull();
  });
});
