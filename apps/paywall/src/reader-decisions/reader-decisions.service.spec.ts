import { createValidationPipe } from '@libs/common';
import { DecisionPreviewResponse, OfferView } from '@libs/contracts';
import type { MeterTokens } from '../decisions/meter-tokens';
import type { ReaderTokens } from '@libs/common';
import type { ExperimentCounters } from '../experiments/experiment-counters';
import { PaywallMemory } from '../memory/paywall-memory';
import type { ReaderMeters } from '../reader-meters/reader-meters';
import { ReaderDecisionsService } from './reader-decisions.service';

const TENANT = '3f1c2a9e-6b1d-4c5e-9a7f-2b8d4e6f1a3c';
const SITE = '9b2e7c4a-1d3f-4a6b-8c5e-7f9a1b3d5c7e';
const PLAN = '0f8fad5b-d9cb-469f-a165-70867728950e';
const copy = (cta: string) => ({
  vi: { headline: 'Đăng ký', body: 'Đọc tiếp', cta },
  en: { headline: 'Subscribe', body: 'Read on', cta },
});
const offer = (id: string, overrides: Partial<OfferView>): OfferView => ({
  id,
  name: id,
  planIds: [PLAN],
  couponCode: null,
  copy: copy(id),
  conditions: {},
  appliesTo: ['block'],
  checkout: 'stripe',
  rails: null,
  ...overrides,
});
const RAILS_OFFER = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const STRIPE_OFFER = '6e7f8a9b-0c1d-4e2f-8a4b-5c6d7e8f9a0b';

/** An agency whose articles are for subscribers: readers in Vietnam are sold on the rails, others by card. */
function decisions(): ReaderDecisionsService {
  const memory = new PaywallMemory();
  memory.applyTenant(TENANT, 'Asia/Ho_Chi_Minh', 'vi');
  memory.applySite(TENANT, { siteId: SITE, publishableKey: 'pk_site', version: 1 });
  memory.applyPolicies(TENANT, 1, [
    {
      id: 'c5d6e7f8-a9b0-4c1d-8e2f-3a4b5c6d7e8f',
      name: 'Subscribers only',
      siteId: null,
      active: true,
      rule: { kind: 'hard', entitlement: 'premium-articles' },
      conditions: {},
    },
  ]);
  memory.applyOffers(TENANT, 1, [
    offer(RAILS_OFFER, { checkout: 'rails', rails: ['momo', 'vnpay'], conditions: { countries: ['VN'] } }),
    offer(STRIPE_OFFER, { couponCode: 'NAM2026' }),
  ]);
  // An anonymous preview reads no meter, token or experiment.
  const unused = undefined as never;
  return new ReaderDecisionsService(
    memory,
    unused as MeterTokens,
    unused as ReaderTokens,
    unused as ReaderMeters,
    unused as ExperimentCounters,
  );
}

describe('the decision answer', () => {
  it("names the checkout the offer's button opens, and the rails to pay on", async () => {
    const service = decisions();
    const [inVietnam] = service.preview(TENANT, { siteId: SITE, articleIds: ['bai-1'], country: 'VN' });
    const [abroad] = service.preview(TENANT, { siteId: SITE, articleIds: ['bai-1'], country: 'DE', lang: 'en' });
    expect(inVietnam.offer).toEqual({
      id: RAILS_OFFER,
      ...copy(RAILS_OFFER).vi,
      planIds: [PLAN],
      couponCode: null,
      checkout: 'rails',
      rails: ['momo', 'vnpay'],
    });
    expect(abroad.offer).toEqual({
      id: STRIPE_OFFER,
      ...copy(STRIPE_OFFER).en,
      planIds: [PLAN],
      couponCode: 'NAM2026',
      checkout: 'stripe',
      rails: null,
    });
    expect(inVietnam.checkoutReference).toMatch(/^pw1\./);
    // What is answered is what the contract declares, field for field (unknown fields are refused).
    const response = { items: [inVietnam, abroad] };
    await expect(
      createValidationPipe().transform(response, { type: 'body', metatype: DecisionPreviewResponse }),
    ).resolves.toBeInstanceOf(DecisionPreviewResponse);
  });
});
