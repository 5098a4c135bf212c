import { ValidationFailedError } from '@libs/common';
import { FieldError } from '@libs/contracts';
import { CheckedCredentials, RailAccount } from '../payment-rail';
import { TMN_CODE, VnpayTerminal } from './vnpay-fields';

// VNPay issues a hash secret of 32 upper-case alphanumerics; 16 to 64 alphanumerics are accepted so
// that a longer secret is not refused while a truncated or padded paste is.
const HASH_SECRET = /^[A-Za-z0-9]{16,64}$/;
const FIELDS = { tmnCode: TMN_CODE, hashSecret: HASH_SECRET } as const;

/** The terminal code and hash secret an admin pasted, trimmed and checked; merchantId is the terminal code. */
export function checkVnpayCredentials(input: Readonly<Record<string, string>>): CheckedCredentials {
  const errors: FieldError[] = [];
  const credentials: Record<string, string> = {};
  for (const [field, format] of Object.entries(FIELDS)) {
    const value = typeof input[field] === 'string' ? input[field].trim() : '';
    if (value === '') errors.push({ field: `credentials.${field}`, message: 'is required' });
    else if (!format.test(value))
      errors.push({ field: `credentials.${field}`, message: `must match ${format.source}` });
    else credentials[field] = value;
  }
  for (const field of Object.keys(input)) {
    if (!(field in FIELDS)) errors.push({ field: `credentials.${field}`, message: 'is not a VNPay credential' });
  }
  if (errors.length > 0) throw new ValidationFailedError(errors);
  return { credentials, merchantId: credentials.tmnCode };
}

/** The account's terminal as stored (checked when it was saved); a missing field reads as empty. */
export function terminalOf(account: RailAccount): VnpayTerminal {
  return { tmnCode: account.credentials.tmnCode ?? '', hashSecret: account.credentials.hashSecret ?? '' };
}
