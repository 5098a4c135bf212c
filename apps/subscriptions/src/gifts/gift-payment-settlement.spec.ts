import {
  ArrivedGiftPayment,
  GiftPaymentSettlement,
  PurchaseAwaitingPayment,
  settleGiftPurchaseByPayment,
} from './gift-payment-settlement';

const PAYMENT: ArrivedGiftPayment = { paymentId: 'pay-1', currency: 'VND', amount: 297_000n };
const PENDING: PurchaseAwaitingPayment = {
  currency: 'VND',
  amountDue: 297_000n,
  paymentId: 'pay-1',
  giftId: null,
  refunded: false,
};

describe('settleGiftPurchaseByPayment', () => {
  it.each<[string, PurchaseAwaitingPayment | null, GiftPaymentSettlement['kind'], string | null]>([
    ['issues the gift of a pending purchase, for its amount', PENDING, 'issue', null],
    ["issues it when payments' answer was never recorded", { ...PENDING, paymentId: null }, 'issue', null],
    ['ignores a payment for no purchase it knows', null, 'ignore', 'no gift purchase'],
    ["ignores a purchase through the provider's checkout", { ...PENDING, amountDue: null }, 'ignore', 'provider'],
    ['ignores another payment than the one asked for', { ...PENDING, paymentId: 'pay-0' }, 'ignore', 'pay-0'],
    ['changes nothing when the same payment comes again', { ...PENDING, giftId: 'gift-1' }, 'already-issued', null],
    ['ignores another amount', { ...PENDING, amountDue: 296_999n }, 'ignore', 'of 296999 VND'],
    ['ignores another currency', { ...PENDING, currency: 'USD' }, 'ignore', 'of 297000 USD'],
    ['makes no gift of a payment refunded in full first', { ...PENDING, refunded: true }, 'ignore', 'refunded in full'],
  ])('%s', (_, purchase, kind, reason) => {
    const settlement = settleGiftPurchaseByPayment(purchase, PAYMENT);
    expect(settlement).toEqual(reason === null ? { kind } : { kind, reason: expect.stringContaining(reason) });
  });
});
