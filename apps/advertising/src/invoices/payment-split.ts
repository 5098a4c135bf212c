/** A booking's part in a payment's split: what it still owes, and what it billed. */
export interface BookingOwing {
  owed: bigint;
  total: bigint;
}

/**
 * Splits `amount` (minor units) over an invoice's bookings, exactly: first what each still owes,
 * in proportion to what it owes; anything beyond what is owed in proportion to what each billed.
 * Each proportion is floored and the units left over go one each to the largest remainders,
 * the earlier booking first on a tie, so the same payment always splits the same way.
 */
export function splitPayment(amount: bigint, bookings: readonly BookingOwing[]): bigint[] {
  const owed = bookings.map((booking) => (booking.owed > 0n ? booking.owed : 0n));
  const totalOwed = owed.reduce((sum, each) => sum + each, 0n);
  if (amount <= totalOwed) return proportional(amount, owed);
  const beyond = proportional(
    amount - totalOwed,
    bookings.map((booking) => booking.total),
  );
  return owed.map((each, i) => each + beyond[i]);
}

/** `amount` in proportion to `weights` (all alike when they sum to nothing), largest remainder. */
function proportional(amount: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((total, weight) => total + weight, 0n);
  const used = sum > 0n ? weights : weights.map(() => 1n);
  const base = sum > 0n ? sum : BigInt(weights.length);
  const shares = used.map((weight) => (amount * weight) / base);
  const remainders = used.map((weight, i) => ({ i, remainder: (amount * weight) % base }));
  let left = amount - shares.reduce((total, share) => total + share, 0n);
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    shares[i] += 1n;
    left -= 1n;
  }
  return shares;
}
