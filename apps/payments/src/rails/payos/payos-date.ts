/**
 * A payOS time: webhooks write "2023-02-04 18:25:00", Vietnam's wall clock (UTC+7, no daylight
 * saving); an ISO text with its own offset is read as it says. Null when it reads as neither.
 */
export function parsePayosDate(text: unknown): Date | null {
  if (typeof text !== 'string') return null;
  const wallClock = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec(text);
  const iso = wallClock ? `${wallClock[1]}T${wallClock[2]}+07:00` : text;
  if (!wallClock && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}
