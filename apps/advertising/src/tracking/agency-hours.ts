/** An agency-local calendar day (`YYYY-MM-DD`) and hour (0–23). */
export interface AgencyHour {
  day: string;
  hour: number;
}

/** Every offset from UTC, and every change of one, falls on a quarter hour: within one, the local hour holds. */
const QUARTER_MS = 15 * 60_000;

/**
 * The agency-local day and hour of an instant, in a time zone, as counters are kept. Working it
 * out (Intl) costs more than a beacon's other work, so each zone remembers the quarter hour it
 * last answered for.
 */
export class AgencyHours {
  private readonly formats = new Map<string, Intl.DateTimeFormat>();
  private readonly last = new Map<string, { quarter: number; hour: AgencyHour }>();

  hourOf(timeZone: string, at: number): AgencyHour {
    const quarter = Math.floor(at / QUARTER_MS);
    const known = this.last.get(timeZone);
    if (known && known.quarter === quarter) return known.hour;
    const hour = this.work(timeZone, quarter * QUARTER_MS);
    this.last.set(timeZone, { quarter, hour });
    return hour;
  }

  private work(timeZone: string, at: number): AgencyHour {
    let format = this.formats.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        hourCycle: 'h23',
      });
      this.formats.set(timeZone, format);
    }
    const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
    return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
  }
}
