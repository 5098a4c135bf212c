import {
  ArrivedPayment,
  BilledInvoice,
  InvoicePaymentSettlement,
  settleInvoiceByPayment,
} from './invoice-payment-settlement';

const PAYMENT: ArrivedPayment = { paymentId: 'pay-1', currency: 'VND', amount: 99_000n };
const OPEN: BilledInvoice = { status: 'open', currency: 'VND', amountDue: 99_000n, paymentId: null, billedBy: 'suite' };

describe('settleInvoiceByPayment', () => {
  it.each<[string, BilledInvoice | null, InvoicePaymentSettlement['kind'], string | null]>([
    ['pays an open invoice the suite bills, for its amount', OPEN, 'pay', null],
    ['ignores a payment for no invoice it knows', null, 'ignore', 'no invoice'],
    ['ignores an invoice the provider bills', { ...OPEN, billedBy: 'provider' }, 'ignore', 'provider bills'],
    [
      'changes nothing when the same payment comes again',
      { ...OPEN, status: 'paid', paymentId: 'pay-1' },
      'already-paid',
      null,
    ],
    [
      'ignores a second payment of a paid invoice',
      { ...OPEN, status: 'paid', paymentId: 'pay-0' },
      'ignore',
      'paid by payment pay-0',
    ],
    ['ignores a payment of a void invoice', { ...OPEN, status: 'void' }, 'ignore', 'void'],
    ['ignores a payment of an uncollectible invoice', { ...OPEN, status: 'uncollectible' }, 'ignore', 'uncollectible'],
    ['ignores another amount', { ...OPEN, amountDue: 98_999n }, 'ignore', 'of 98999 VND'],
    ['ignores another currency', { ...OPEN, currency: 'USD' }, 'ignore', 'of 99000 USD'],
  ])('%s', (_, invoice, kind, reason) => {
    const settlement = settleInvoiceByPayment(invoice, PAYMENT);
    expect(settlement).toEqual(reason === null ? { kind } : { kind, reason: expect.stringContaining(reason) });
  });
});
