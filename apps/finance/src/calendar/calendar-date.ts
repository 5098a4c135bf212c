const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})?$/;

/** `YYYY-MM-DD` if it names a real day (JavaScript would roll 2026-02-30 over into March). */
export function calendarDate(text: string): string | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text ? text : null;
}

/** `YYYY-MM-DD HH:MM:SS` (Stripe's reports, UTC) or ISO 8601 with `T` and an optional zone (UTC when absent). */
export function instantOf(text: string): Date | null {
  const match = TIME.exec(text);
  if (!match || !calendarDate(match[1])) return null;
  const [, day, hours, minutes, seconds, zone] = match;
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return null;
  const at = new Date(`${day}T${hours}:${minutes}:${seconds}${zone ?? 'Z'}`);
  return Number.isNaN(at.getTime()) ? null : at;
}
