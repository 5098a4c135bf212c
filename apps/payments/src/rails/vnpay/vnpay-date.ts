import { refuse } from './vnpay-fields';

// VNPay dates are yyyyMMddHHmmss in GMT+7. Vietnam keeps no daylight saving, so the offset is fixed.
const GMT7_MS = 7 * 60 * 60 * 1000;
const VNPAY_DATE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

export function formatVnpayDate(field: string, instant: Date): string {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) refuse(field, 'is not a valid date');
  const gmt7 = new Date(instant.getTime() + GMT7_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    String(gmt7.getUTCFullYear()).padStart(4, '0') +
    two(gmt7.getUTCMonth() + 1) +
    two(gmt7.getUTCDate()) +
    two(gmt7.getUTCHours()) +
    two(gmt7.getUTCMinutes()) +
    two(gmt7.getUTCSeconds())
  );
}

/** A VNPay date back as an instant; refuses text that is not a real calendar time. */
export function parseVnpayDate(field: string, text: string): Date {
  const parts = VNPAY_DATE.exec(text);
  if (!parts) refuse(field, 'is not yyyyMMddHHmmss');
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number);
  const instant = new Date(Date.UTC(year, month - 1, day, hour, minute, second) - GMT7_MS);
  if (formatVnpayDate(field, instant) !== text) refuse(field, 'is not a calendar time');
  return instant;
}
