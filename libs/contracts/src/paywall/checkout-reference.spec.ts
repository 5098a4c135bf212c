import { decodeCheckoutReference, encodeCheckoutReference, REFERENCE_MAX_LENGTH } from './checkout-reference';

const OFFER = '0f8fad5b-d9cb-469f-a165-70867728950e';
const EXPERIMENT = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('checkout references', () => {
  it('carry article, offer, experiment and arm through checkout', () => {
    const attribution = { articleId: 'thoi-su/bai-123', offerId: OFFER, experimentId: EXPERIMENT, arm: 2 };
    const reference = encodeCheckoutReference(attribution);
    expect(reference).toMatch(/^pw1\.[A-Za-z0-9_-]+$/);
    expect(decodeCheckoutReference(reference)).toEqual(attribution);
  });

  it('carry what there is when there is no offer or experiment', () => {
    const attribution = { articleId: 'a-1', offerId: null, experimentId: null, arm: null };
    expect(decodeCheckoutReference(encodeCheckoutReference(attribution))).toEqual(attribution);
  });

  it('fit the checkout reference field, leaving out an article id too long for it', () => {
    const reference = encodeCheckoutReference({
      articleId: 'x'.repeat(200),
      offerId: OFFER,
      experimentId: EXPERIMENT,
      arm: 0,
    });
    expect(reference.length).toBeLessThanOrEqual(REFERENCE_MAX_LENGTH);
    expect(decodeCheckoutReference(reference)).toEqual({
      articleId: null,
      offerId: OFFER,
      experimentId: EXPERIMENT,
      arm: 0,
    });
  });

  it('read anything else as no attribution', () => {
    for (const bad of [
      null,
      '',
      'order-42',
      'pw1.',
      'pw1.!!!',
      `pw1.${Buffer.from([3, 1, 2]).toString('base64url')}`,
      `pw1.${Buffer.from([9]).toString('base64url')}`,
    ]) {
      expect(decodeCheckoutReference(bad)).toBeNull();
    }
  });
});
