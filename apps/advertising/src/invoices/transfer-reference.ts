import { randomBytes } from 'node:crypto';

/** Crockford's base32: digits and capitals without I, L, O and U, which a payer misreads. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A new transfer reference (`RS` and ten random base32 characters, 50 bits) for an invoice: the
 * payer writes it in the transfer's description, finance finds it on the bank line and tells
 * advertising (BankTransferReceived). Unique per agency (the table's constraint).
 */
export function newTransferReference(): string {
  const bytes = randomBytes(10);
  return `RS${[...bytes].map((byte) => ALPHABET[byte & 31]).join('')}`;
}
