import { FieldError } from '@libs/contracts';
import { ValidationFailedError } from '@libs/common';
import { CheckedCredentials } from '../payment-rail';

/** A payment channel's keys, as my.payos.vn shows them. */
export interface PayosCredentials {
  clientId: string;
  apiKey: string;
  checksumKey: string;
}

// As payOS issues them: the client id and API key are UUIDs, the checksum key 64 hex digits.
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const FIELDS: Record<keyof PayosCredentials, { pattern: RegExp; shape: string }> = {
  clientId: { pattern: UUID, shape: 'a UUID (the channel Client ID)' },
  apiKey: { pattern: UUID, shape: 'a UUID (the channel API Key)' },
  checksumKey: { pattern: /^[0-9a-fA-F]{64}$/, shape: '64 hexadecimal digits (the channel Checksum Key)' },
};

export function checkPayosCredentials(input: Readonly<Record<string, string>>): CheckedCredentials {
  const errors: FieldError[] = [];
  for (const [field, { pattern, shape }] of Object.entries(FIELDS)) {
    const value = input[field];
    if (typeof value !== 'string' || value.trim() === '') {
      errors.push({ field: `credentials.${field}`, message: 'is required' });
    } else if (!pattern.test(value.trim())) {
      errors.push({ field: `credentials.${field}`, message: `must be ${shape}` });
    }
  }
  for (const field of Object.keys(input)) {
    if (!(field in FIELDS)) errors.push({ field: `credentials.${field}`, message: 'is not a payOS credential' });
  }
  if (errors.length > 0) throw new ValidationFailedError(errors);
  const credentials = payosCredentialsOf(input);
  return { credentials: { ...credentials }, merchantId: credentials.clientId };
}

/** The account's credentials, as `checkPayosCredentials` accepted them. */
export function payosCredentialsOf(credentials: Readonly<Record<string, string>>): PayosCredentials {
  return {
    clientId: (credentials.clientId ?? '').trim(),
    apiKey: (credentials.apiKey ?? '').trim(),
    checksumKey: (credentials.checksumKey ?? '').trim(),
  };
}
