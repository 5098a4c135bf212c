import { VNPAY_CAPABILITIES } from './capabilities';

describe('VNPay rail capabilities', () => {
  it('pays once in VND, refunds fully and partly, queries status; renews nothing without the payer; settles by portal export', () => {
    expect(VNPAY_CAPABILITIES).toEqual({
      currencies: ['VND'],
      oneTimePayment: true,
      automaticRenewal: 'no',
      refund: { full: true, partial: true },
      statusQuery: true,
      settlementReport: 'portal-export',
    });
  });
});
