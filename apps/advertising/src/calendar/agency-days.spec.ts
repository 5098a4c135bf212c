import { daysFrom, isCalendarDay, localDayOf, startOfLocalDay, weekdayIndexOf } from './agency-days';

describe('agency days', () => {
  it('lists a flight day by day, both ends included, across a month end', () => {
    expect(daysFrom('2027-01-30', '2027-02-02')).toEqual(['2027-01-30', '2027-01-31', '2027-02-01', '2027-02-02']);
    expect(daysFrom('2027-02-02', '2027-02-01')).toEqual([]);
  });

  it.each([
    ['2027-02-01', 0],
    ['2027-02-06', 5],
    ['2027-02-07', 6],
    ['2028-02-29', 1],
  ])('puts %s on weekday %s, Monday first', (day, weekday) => {
    expect(weekdayIndexOf(day)).toBe(weekday);
  });

  it('refuses days the calendar does not have', () => {
    expect(isCalendarDay('2027-02-29')).toBe(false);
    expect(isCalendarDay('2028-02-29')).toBe(true);
  });

  it.each([
    ['Asia/Ho_Chi_Minh', '2027-02-06', '2027-02-05T17:00:00.000Z'],
    ['UTC', '2027-02-06', '2027-02-06T00:00:00.000Z'],
    ['Europe/Paris', '2027-03-28', '2027-03-27T23:00:00.000Z'],
    ['America/New_York', '2027-11-07', '2027-11-07T04:00:00.000Z'],
  ])('begins a day of %s at its local midnight (%s)', (zone, day, instant) => {
    expect(startOfLocalDay(day, zone).toISOString()).toBe(instant);
    expect(localDayOf(new Date(instant), zone)).toBe(day);
  });
});
