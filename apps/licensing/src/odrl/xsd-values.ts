/** An `xsd:duration`: calendar parts (years, months) apart from exact ones (days and time, in ms). */
export interface XsdDuration {
  months: number;
  milliseconds: number;
}

const DURATION =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * `P1Y2M3DT4H5M6S` as months and milliseconds; null when not a non-negative `xsd:duration`.
 * `M` before `T` is months, after it minutes, as XML Schema says (ODRL's vocabulary note
 * "delayPeriod eq P60M: 60 minutes" means `PT60M`; `P60M` is sixty months). Weeks (`P2W`) are
 * taken as ISO 8601 writes them.
 */
export function parseDuration(text: string): XsdDuration | null {
  const match = DURATION.exec(text);
  if (!match) return null;
  const [, y, mo, w, d, h, mi, s] = match.map((part) => (part === undefined ? 0 : Number(part)));
  const days = Number(w) * 7 + Number(d);
  const milliseconds = ((days * 24 + Number(h)) * 60 + Number(mi)) * 60_000 + Math.round(Number(s) * 1000);
  return { months: Number(y) * 12 + Number(mo), milliseconds };
}

/** `from` plus `duration`, months on the UTC calendar (31 January plus a month is 28 or 29 February). */
export function addDuration(from: Date, duration: XsdDuration): Date {
  const result = new Date(from.getTime());
  if (duration.months) {
    const day = result.getUTCDate();
    result.setUTCDate(1);
    result.setUTCMonth(result.getUTCMonth() + duration.months);
    const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
    result.setUTCDate(Math.min(day, lastDay));
  }
  return new Date(result.getTime() + duration.milliseconds);
}

/** A day or an instant on the timeline: `[start, end)`; an instant has start = end. */
export interface XsdMoment {
  start: Date;
  end: Date;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * An `xsd:date` as the day it names, `[00:00, next 00:00)`, or an `xsd:dateTime` as an instant.
 * Without a time zone both are read in UTC (ODRL strongly recommends writing one). Null when
 * the text is neither.
 */
export function parseMoment(text: string): XsdMoment | null {
  const date = DATE.exec(text);
  if (date) {
    const [, y, m, d, zone] = date;
    const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    if (day.toISOString().slice(0, 10) !== `${y}-${m}-${d}`) return null;
    const start = new Date(`${y}-${m}-${d}T00:00:00${zone ?? 'Z'}`);
    return { start, end: new Date(start.getTime() + 86_400_000) };
  }
  if (!DATE_TIME.test(text)) return null;
  const instant = new Date(/(Z|[+-]\d{2}:\d{2})$/.test(text) ? text : `${text}Z`);
  return Number.isNaN(instant.getTime()) ? null : { start: instant, end: instant };
}
