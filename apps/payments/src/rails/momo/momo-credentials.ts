import { ValidationFailedError } from '@libs/common';
import { FieldError } from '@libs/contracts';
import { CheckedCredentials, RailAccount } from '../payment-rail';
import { MomoPartner } from './momo-partner';

/**
 * What MoMo issues per environment (M4B portal): partnerCode is String(50) in the create reference
 * (sandbox codes carry underscores: MOMOT5BZ20231213_TEST); the two keys are opaque ASCII. A space or
 * a non-ASCII character can only be a paste gone wrong, and would silently break every signature.
 */
const FIELDS: Readonly<Record<keyof MomoPartner, RegExp>> = {
  partnerCode: /^[A-Za-z0-9_-]{1,50}$/,
  accessKey: /^[\x21-\x7e]{1,100}$/,
  secretKey: /^[\x21-\x7e]{1,100}$/,
};

/** The credentials an admin pasted, trimmed and checked; every bad field named at once. */
export function checkMomoCredentials(input: Readonly<Record<string, string>>): CheckedCredentials {
  const errors: FieldError[] = [];
  const credentials: Record<string, string> = {};
  for (const [field, pattern] of Object.entries(FIELDS)) {
    const value = typeof input[field] === 'string' ? input[field].trim() : '';
    if (value === '') errors.push({ field: `credentials.${field}`, message: 'required' });
    else if (!pattern.test(value))
      errors.push({ field: `credentials.${field}`, message: `not a MoMo ${field} (${pattern.source})` });
    else credentials[field] = value;
  }
  if (errors.length > 0) throw new ValidationFailedError(errors);
  return { credentials, merchantId: credentials.partnerCode };
}

/** The partner behind an account whose credentials `checkMomoCredentials` answered. */
export function momoPartnerOf(account: RailAccount): MomoPartner {
  const { partnerCode, accessKey, secretKey } = account.credentials;
  if (!partnerCode || !accessKey || !secretKey) throw new Error(`MoMo account ${account.id} lacks a credential`);
  return { partnerCode, accessKey, secretKey };
}
