import { MOMO_CAPABILITIES } from './capabilities';

describe('MOMO_CAPABILITIES', () => {
  it('says what the rail does: VND one-time payments, refunds, status; renewal only by contract', () => {
    expect(MOMO_CAPABILITIES).toEqual({
      currencies: ['VND'],
      oneTimePayment: true,
      automaticRenewal: 'where-contract-allows',
      refund: { full: true, partial: true },
      statusQuery: true,
      settlementReport: 'portal-export',
    });
  });
});
