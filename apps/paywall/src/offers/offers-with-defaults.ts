import type { OfferView } from '@libs/contracts';

/** An offer as a revision may hold it: saved before an agency could choose a checkout, it names none. */
type StoredOffer = Omit<OfferView, 'checkout' | 'rails'> & Partial<Pick<OfferView, 'checkout' | 'rails'>>;

/** Stored offers with what later revisions always say: one saved before checkouts could be chosen opens Stripe's, as it did then. */
export function offersWithDefaults(stored: StoredOffer[]): OfferView[] {
  return stored.map((offer) => ({ ...offer, checkout: offer.checkout ?? 'stripe', rails: offer.rails ?? null }));
}
