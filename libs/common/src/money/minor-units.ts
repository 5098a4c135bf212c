import { MINOR_UNITS } from '@libs/contracts';

// Amounts travel in JSON as strings of digits (never floats); in code they are bigint.

export function parseMinorUnits(text: string): bigint {
  if (!MINOR_UNITS.test(text)) throw new Error(`not an amount in minor units: ${text}`);
  return BigInt(text);
}

/** Stripe's SDK speaks JavaScript numbers; refuse any amount that would not survive that. */
export function toSafeNumber(amount: bigint): number {
  if (amount > BigInt(Number.MAX_SAFE_INTEGER) || amount < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new Error(`amount ${amount} is beyond what the payment provider accepts`);
  }
  return Number(amount);
}

export function fromProviderNumber(amount: number): bigint {
  if (!Number.isSafeInteger(amount)) throw new Error(`provider sent a non-integer amount: ${amount}`);
  return BigInt(amount);
}
