import { AgencyHours } from './agency-hours';

describe('AgencyHours', () => {
  it.each<[string, string, string, number]>([
    ['Asia/Ho_Chi_Minh', '2026-12-08T16:59:59Z', '2026-12-08', 23],
    ['Asia/Ho_Chi_Minh', '2026-12-08T17:00:00Z', '2026-12-09', 0],
    ['UTC', '2026-12-08T00:14:59Z', '2026-12-08', 0],
    ['Asia/Kolkata', '2026-12-08T18:29:59Z', '2026-12-08', 23],
    ['Asia/Kolkata', '2026-12-08T18:30:00Z', '2026-12-09', 0],
    ['Asia/Kathmandu', '2026-12-08T18:14:59Z', '2026-12-08', 23],
    ['Asia/Kathmandu', '2026-12-08T18:15:00Z', '2026-12-09', 0],
    // Berlin leaves summer time at 01:00 UTC: 02:59 CEST is followed by 02:00 CET
    ['Europe/Berlin', '2026-10-25T00:59:59Z', '2026-10-25', 2],
    ['Europe/Berlin', '2026-10-25T01:00:00Z', '2026-10-25', 2],
    ['Europe/Berlin', '2026-10-25T02:00:00Z', '2026-10-25', 3],
  ])('in %s, %s is %s hour %i', (zone, instant, day, hour) => {
    const hours = new AgencyHours();
    expect(hours.hourOf(zone, Date.parse(instant))).toEqual({ day, hour });
  });

  it('answers each instant of one quarter hour alike, and the next quarter anew', () => {
    const hours = new AgencyHours();
    const at = Date.parse('2026-12-08T18:15:00Z');
    expect(hours.hourOf('Asia/Kolkata', at)).toEqual({ day: '2026-12-08', hour: 23 });
    expect(hours.hourOf('Asia/Kolkata', at + 14 * 60_000 + 59_999)).toEqual({ day: '2026-12-08', hour: 23 });
    expect(hours.hourOf('Asia/Kolkata', at + 15 * 60_000)).toEqual({ day: '2026-12-09', hour: 0 });
    expect(hours.hourOf('Asia/Kolkata', at)).toEqual({ day: '2026-12-08', hour: 23 });
  });
});
