/** A VAT rate as the agency's table keeps it: basis points (1000 is 10 %), inside the price or on top. */
export interface VatRate {
  basisPoints: number;
  inclusive: boolean;
}

/** An amount split into what it is without VAT and its VAT (minor units). */
export interface VatSplit {
  /** VAT included. */
  amountDue: bigint;
  vat: bigint;
  net: bigint;
  vatRateBasisPoints: number;
}

const WHOLE = 10_000n;

/**
 * VAT as the provider computes it from the same rate, so a reader pays the same on a rail as by
 * card: an inclusive rate is inside the amount (`net = round(amount / (1 + rate))`, VAT the rest),
 * an exclusive one adds `round(amount × rate)`; rounding half up on the minor unit. No rate in
 * force: no VAT.
 */
export function splitVat(amount: bigint, rate: VatRate | null): VatSplit {
  const basisPoints = BigInt(rate?.basisPoints ?? 0);
  const inclusive = rate?.inclusive ?? true;
  const net = inclusive ? roundedQuotient(amount * WHOLE, WHOLE + basisPoints) : amount;
  const vat = inclusive ? amount - net : roundedQuotient(amount * basisPoints, WHOLE);
  return { amountDue: net + vat, vat, net, vatRateBasisPoints: Number(basisPoints) };
}

/** `numerator / denominator` for non-negative numerator and positive denominator, rounded half up. */
function roundedQuotient(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}
