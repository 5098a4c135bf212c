import { VNPAY_CAPABILITIES } from './capabilities';

describe('VNPay rail capabilities', () => {
  it('pays once, refunds fully and partly, queries status; renews nothing without the reader; no settlement API', () => {
    expect(VNPAY_CAPABILITIES).toMatchObject({
      currencies: ['VND'],
      oneTimePayment: true,
      automaticRenewal: { supported: false },
      refund: { full: true, partial: true },
      statusQuery: true,
      settlementReport: { api: false },
    });
  });
});
