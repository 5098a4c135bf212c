import { agreedTermsOf } from './payment-terms';

describe('payment terms an advertiser is granted', () => {
  it.each([
    ['nothing said: prepay', {}, { paymentTerms: 'prepay', netDays: null }],
    ['prepay', { paymentTerms: 'prepay' as const }, { paymentTerms: 'prepay', netDays: null }],
    ['invoice without days: net 30', { paymentTerms: 'invoice' as const }, { paymentTerms: 'invoice', netDays: 30 }],
    ['invoice net 45', { paymentTerms: 'invoice' as const, netDays: 45 }, { paymentTerms: 'invoice', netDays: 45 }],
    ['days with prepay', { paymentTerms: 'prepay' as const, netDays: 10 }, { field: 'netDays' }],
    ['days without terms (prepay by default)', { netDays: 10 }, { field: 'netDays' }],
  ])('%s', (_what, asked, expected) => {
    expect(agreedTermsOf(asked)).toMatchObject(expected);
  });
});
