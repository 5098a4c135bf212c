import { AgencyClock } from './agency-clock';
import { localHoursOf } from '../pacing/traffic-curve';

describe('agency clocks', () => {
  it.each<[string, string, string, number, number]>([
    ['Asia/Ho_Chi_Minh', '2027-03-01T16:59:00Z', '2027-03-01', 23, 59],
    ['Asia/Ho_Chi_Minh', '2027-03-01T17:00:00Z', '2027-03-02', 0, 0],
    ['Asia/Kathmandu', '2027-03-01T18:14:30Z', '2027-03-01', 23, 59.5],
    ['America/New_York', '2027-03-14T07:30:00Z', '2027-03-14', 3, 30],
  ])('reads %s at %s as %s, hour %s', (zone, instant, day, hour, minutes) => {
    const clock = new AgencyClock(zone);
    for (let use = 0; use < 2; use++) {
      const moment = clock.at(Date.parse(instant));
      expect({ day: moment.day, hour: moment.hour }).toEqual({ day, hour });
      expect(moment.hours).toBeCloseTo(localHoursOf(day, hour, minutes), 6);
    }
  });
});
