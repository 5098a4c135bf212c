import type { OfferView } from '@libs/contracts';
import { offersWithDefaults } from './offers-with-defaults';

const saved: OfferView = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  name: 'Monthly',
  planIds: ['7c9e6679-7425-40de-944b-e07fc1f90ae7'],
  couponCode: null,
  copy: { vi: { headline: 'h', body: 'b', cta: 'c' }, en: { headline: 'h', body: 'b', cta: 'c' } },
  conditions: {},
  appliesTo: ['block'],
  checkout: 'rails',
  rails: ['momo'],
};

describe('stored offers', () => {
  it("read an offer saved before checkouts could be chosen as opening Stripe's", () => {
    const { checkout: _checkout, rails: _rails, ...older } = saved;
    expect(offersWithDefaults([older])).toEqual([{ ...older, checkout: 'stripe', rails: null }]);
  });

  it('read a checkout chosen since as it was saved', () => {
    expect(offersWithDefaults([saved])).toEqual([saved]);
  });
});
