import {
  ArrivedPayment,
  BilledInvoice,
  InvoicePaymentSettlement,
  settleInvoiceByPayment,
} from './invoice-payment-settlement';

const PAYMENT: ArrivedPayment = { paymentId: 'pay-1', currency: 'VND', amount: 99_000n };
const OPEN: BilledInvoice = {
  status: 'open',
  currency: 'VND',
  amountDue: 99_000n,
  paymentId: null,
  billedBy: 'suite',
  renewal: false,
};

describe('settleInvoiceByPayment', () => {
  it.each<[string, BilledInvoice, InvoicePaymentSettlement]>([
    ['pays a first period from the payment', OPEN, { kind: 'pay', period: 'from-payment' }],
    ['pays a renewal for the period it bills', { ...OPEN, renewal: true }, { kind: 'pay', period: 'as-invoiced' }],
  ])('%s', (_, invoice, settlement) => {
    expect(settleInvoiceByPayment(invoice, PAYMENT)).toEqual(settlement);
  });

  it.each<[string, BilledInvoice | null, InvoicePaymentSettlement['kind'], string | null]>([
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
    ['holds a payment of a renewal voided by its lapse', { ...OPEN, renewal: true, status: 'void' }, 'hold', 'void'],
    ['holds a payment of an uncollectible invoice', { ...OPEN, status: 'uncollectible' }, 'hold', 'uncollectible'],
    [
      'ignores a payment of a void invoice the provider bills',
      { ...OPEN, status: 'void', billedBy: 'provider' },
      'ignore',
      'provider bills',
    ],
    ['ignores another amount', { ...OPEN, amountDue: 98_999n }, 'ignore', 'of 98999 VND'],
    ['ignores another currency', { ...OPEN, currency: 'USD' }, 'ignore', 'of 99000 USD'],
  ])('%s', (_, invoice, kind, reason) => {
    const settlement = settleInvoiceByPayment(invoice, PAYMENT);
    expect(settlement).toEqual(reason === null ? { kind } : { kind, reason: expect.stringContaining(reason) });
  });
});
