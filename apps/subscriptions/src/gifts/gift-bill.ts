import { splitVat, VatRate, VatSplit } from '../tax-rates/vat-split';

export type GiftVatRate = VatRate;

/** What a gift paid on a rail costs the purchaser. */
export type GiftBill = VatSplit;

/**
 * The gift's price (`giftPriceOf`) with VAT as the provider's gift checkout computes it on the
 * whole amount, so a gift costs the same on a rail as by card.
 */
export function billGift(amount: bigint, rate: GiftVatRate | null): GiftBill {
  return splitVat(amount, rate);
}
