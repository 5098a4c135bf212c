/** The rails report in Vietnam time (UTC+7, no daylight saving) unless a time says otherwise. */
const VIETNAM_OFFSET_MINUTES = 7 * 60;
const DAY_MS = 86_400_000;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
/** VNPay's `yyyyMMddHHmmss`. */
const COMPACT = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  offsetMinutes: number;
}

/**
 * A time as the rails' portals write it: `2026-11-03 14:05:09` (or ISO 8601 with `T`, `Z` or an
 * offset), `03/11/2026 14:05:09` (day first), VNPay's `20261103140509`, or a day alone (its
 * start); without an offset, Vietnam time. Null when it is none of these or no real time.
 */
export function railInstant(text: string): Date | null {
  const parts = partsOf(text.trim());
  if (!parts) return null;
  const { year, month, day, hour, minute, second, offsetMinutes } = parts;
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(local);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    return null;
  return new Date(local - offsetMinutes * 60_000);
}

/** The Vietnam day (`YYYY-MM-DD`) of a time or day written as {@link railInstant} reads it. */
export function railDay(text: string): string | null {
  const instant = railInstant(text);
  return instant ? vietnamDayOf(instant) : null;
}

export function vietnamDayOf(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

/** From the start of the first instant's Vietnam day to the end of the last's. */
export function vietnamDaysCovering(first: Date, last: Date): { from: Date; to: Date } {
  const startOf = (instant: Date) => new Date(Date.parse(`${vietnamDayOf(instant)}T00:00:00+07:00`));
  return { from: startOf(first), to: new Date(startOf(last).getTime() + DAY_MS) };
}

function partsOf(text: string): Parts | null {
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = iso;
    return { ...numbers(y, mo, d, h, mi, s), offsetMinutes: zone ? offsetOf(zone) : VIETNAM_OFFSET_MINUTES };
  }
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    const [, d, mo, y, h = '0', mi = '0', s = '0'] = dayFirst;
    return { ...numbers(y, mo, d, h, mi, s), offsetMinutes: VIETNAM_OFFSET_MINUTES };
  }
  const compact = COMPACT.exec(text);
  if (compact) {
    const [, y, mo, d, h, mi, s] = compact;
    return { ...numbers(y, mo, d, h, mi, s), offsetMinutes: VIETNAM_OFFSET_MINUTES };
  }
  return null;
}

function numbers(...[y, mo, d, h, mi, s]: string[]) {
  return { year: +y, month: +mo, day: +d, hour: +h, minute: +mi, second: +s };
}

function offsetOf(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}
