import { dayNumber } from '../calendar/agency-days';
import type { LocalHours } from '../pacing/traffic-curve';

/** Every zone's offset is a multiple of 15 minutes and changes on such a mark. */
const QUARTER_HOUR_MS = 900_000;

/** An instant on an agency's wall clock. */
export interface LocalMoment {
  /** `YYYY-MM-DD`. */
  day: string;
  hour: number;
  /** Hours since 1970-01-01 00:00 on the wall clock, fractional: what pacing reads. */
  hours: LocalHours;
}

/**
 * The wall clock of one time zone, for the hot path: one Intl lookup per quarter hour, arithmetic
 * for every other request (as the paywall's local calendar).
 */
export class AgencyClock {
  private readonly format: Intl.DateTimeFormat;
  private quarter = -1;
  private day = '';
  private hour = 0;
  /** Wall-clock hours at the start of the cached quarter hour. */
  private startHours = 0;

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
  }

  at(now: number): LocalMoment {
    const quarter = Math.floor(now / QUARTER_HOUR_MS);
    if (quarter !== this.quarter) {
      const parts = this.format.formatToParts(new Date(quarter * QUARTER_HOUR_MS));
      const value = (type: string) => parts.find((part) => part.type === type)!.value;
      this.day = `${value('year')}-${value('month')}-${value('day')}`;
      this.hour = Number(value('hour'));
      this.startHours = dayNumber(this.day) * 24 + this.hour + Number(value('minute')) / 60;
      this.quarter = quarter;
    }
    return { day: this.day, hour: this.hour, hours: this.startHours + (now - quarter * QUARTER_HOUR_MS) / 3_600_000 };
  }
}
