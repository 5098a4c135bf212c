const DAY_MS = 86_400_000;
/** Every zone's offset is a multiple of 15 minutes and changes on such a mark. */
const QUARTER_HOUR_MS = 900_000;

/**
 * Local day numbers (days since 1970-01-01 on the agency's wall clock), which meters count in.
 * One Intl lookup per quarter hour per zone; everything else is arithmetic.
 */
export class LocalCalendar {
  private readonly format: Intl.DateTimeFormat;
  private cachedQuarter = -1;
  private cachedDay = 0;

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  dayOf(now: number): number {
    const quarter = Math.floor(now / QUARTER_HOUR_MS);
    if (quarter !== this.cachedQuarter) {
      const parts = this.format.formatToParts(new Date(quarter * QUARTER_HOUR_MS));
      const value = (type: string) => Number(parts.find((part) => part.type === type)!.value);
      this.cachedDay = Math.floor(Date.UTC(value('year'), value('month') - 1, value('day')) / DAY_MS);
      this.cachedQuarter = quarter;
    }
    return this.cachedDay;
  }
}
