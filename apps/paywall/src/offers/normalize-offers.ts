import { randomUUID } from 'node:crypto';
import { ValidationFailedError } from '@libs/common';
import { OfferAnswer, OfferInput, OfferView } from '@libs/contracts';
import { normalizeConditions } from '../conditions/normalize-conditions';

/** Fills defaults and checks what the shape cannot (ids once each), so the decision never guesses. */
export function normalizeOffers(inputs: OfferInput[]): OfferView[] {
  const seen = new Set<string>();
  const errors: { field: string; message: string }[] = [];
  const offers = inputs.map((input, index): OfferView => {
    if (input.id && seen.has(input.id))
      errors.push({ field: `offers[${index}].id`, message: 'each offer id may appear once' });
    if (input.id) seen.add(input.id);
    const conditions = normalizeConditions(input.conditions ?? {});
    return {
      id: input.id ?? randomUUID(),
      name: input.name,
      planIds: [...new Set(input.planIds)],
      couponCode: input.couponCode ?? null,
      copy: { vi: { ...input.copy.vi }, en: { ...input.copy.en } },
      conditions,
      appliesTo: [...new Set<OfferAnswer>(input.appliesTo ?? ['block', 'register'])],
    };
  });
  if (errors.length > 0) throw new ValidationFailedError(errors);
  return offers;
}
