import { MOMO_CAPABILITIES } from './capabilities';

describe('MOMO_CAPABILITIES', () => {
  it('says what the rail does: VND one-time payments, refunds, status; renewal only by contract', () => {
    expect(MOMO_CAPABILITIES).toMatchObject({
      currencies: ['VND'],
      oneTimePayment: true,
      automaticRenewal: 'with-tokenization-where-contract-allows',
      refund: { full: true, partial: true },
      statusQuery: true,
    });
  });
});
