/** A VAT rate as the agency's table keeps it: basis points (1000 is 10 %), inside the price or on top. */
export interface GiftVatRate {
  basisPoints: number;
  inclusive: boolean;
}

/** What a gift paid on a rail costs the purchaser. */
export interface GiftBill {
  /** Asked for, VAT included (minor units). */
  amountDue: bigint;
  vat: bigint;
  /** The amount without VAT. */
  net: bigint;
  vatRateBasisPoints: number;
}

const WHOLE = 10_000n;

/**
 * The gift's price (`giftPriceOf`) with VAT as the provider's gift checkout computes it on the
 * whole amount, so a gift costs the same on a rail as by card: an inclusive rate is inside the
 * amount (`net = round(amount / (1 + rate))`, VAT the rest), an exclusive one adds
 * `round(amount × rate)`; rounding half up on the minor unit. No rate in force: no VAT. (The same
 * arithmetic as a rail subscription's first period; gift-bill.spec.ts holds the two together.)
 */
export function billGift(amount: bigint, rate: GiftVatRate | null): GiftBill {
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
