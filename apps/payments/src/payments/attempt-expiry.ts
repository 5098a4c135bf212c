/**
 * How long one attempt stays payable at its rail: the payer is at the wallet or bank page now, and
 * a rail's page does not wait for days (VNPay's expiry is minutes). A payment open for days (a
 * renewal during its grace) gets a new attempt when the payer comes back later.
 */
export const ATTEMPT_LIFETIME_MS = 30 * 60_000;

/** When an attempt started at `createdAt` for a payment payable until `paymentExpiresAt` stops being payable. */
export function attemptExpiresAt(createdAt: Date, paymentExpiresAt: Date): Date {
  return new Date(Math.min(createdAt.getTime() + ATTEMPT_LIFETIME_MS, paymentExpiresAt.getTime()));
}
