import { randomUUID } from 'node:crypto';
import { ValidationFailedError } from '@libs/common';
import { OfferAnswer, OfferInput, OfferView } from '@libs/contracts';
import { normalizeConditions } from '../conditions/normalize-conditions';

/** Fills defaults and checks what the shape cannot (ids once each, what a checkout takes), so the decision never guesses. */
export function normalizeOffers(inputs: OfferInput[]): OfferView[] {
  const seen = new Set<string>();
  const errors: { field: string; message: string }[] = [];
  const offers = inputs.map((input, index): OfferView => {
    if (input.id && seen.has(input.id))
      errors.push({ field: `offers[${index}].id`, message: 'each offer id may appear once' });
    if (input.id) seen.add(input.id);
    const checkout = input.checkout ?? 'stripe';
    const rails = input.rails ?? null;
    if (checkout === 'stripe' && rails !== null)
      errors.push({ field: `offers[${index}].rails`, message: 'rails are chosen only for checkout rails' });
    // A rail checkout takes no promotion code: the reader would be asked the full price the offer discounted.
    if (checkout === 'rails' && input.couponCode)
      errors.push({ field: `offers[${index}].couponCode`, message: 'a checkout on the rails takes no promotion code' });
    const conditions = normalizeConditions(input.conditions ?? {});
    return {
      id: input.id ?? randomUUID(),
      name: input.name,
      planIds: [...new Set(input.planIds)],
      couponCode: input.couponCode ?? null,
      copy: { vi: { ...input.copy.vi }, en: { ...input.copy.en } },
      conditions,
      appliesTo: [...new Set<OfferAnswer>(input.appliesTo ?? ['block', 'register'])],
      checkout,
      rails: rails && [...new Set(rails)],
    };
  });
  if (errors.length > 0) throw new ValidationFailedError(errors);
  return offers;
}
