import { AttemptStatus, PayerPaymentView, PaymentStatus } from '@libs/contracts';
import { PayerState, payerStateOf } from './payer-state';

const NOW = new Date('2026-12-08T02:30:00.000Z');
const BEFORE = '2026-12-08T02:00:00.000Z';
const AFTER = '2026-12-08T03:00:00.000Z';

const payment = (status: PaymentStatus, expiresAt: string, attempt: AttemptStatus | null): PayerPaymentView => ({
  id: '22222222-2222-4222-8222-222222222222',
  status,
  amount: '99000',
  currency: 'VND',
  description: 'x',
  rails: ['momo'],
  expiresAt,
  returnUrl: 'https://bao.example.vn/',
  latestAttempt: attempt
    ? {
        id: '33333333-3333-4333-8333-333333333333',
        rail: 'momo',
        status: attempt,
        orderReference: 'o',
        redirectUrl: null,
        qrCode: null,
        providerTransactionId: null,
        failure: null,
        createdAt: BEFORE,
      }
    : null,
});

describe('where the payer stands', () => {
  it.each<[PaymentStatus, string, AttemptStatus | null, PayerState]>([
    ['open', AFTER, null, 'waiting'],
    ['open', AFTER, 'started', 'waiting'],
    ['open', AFTER, 'failed', 'failed'],
    ['open', AFTER, 'expired', 'failed'],
    ['open', BEFORE, null, 'expired'],
    ['open', BEFORE, 'failed', 'expired'],
    ['open', BEFORE, 'started', 'waiting'],
    ['expired', BEFORE, null, 'expired'],
    ['succeeded', AFTER, 'succeeded', 'paid'],
    ['succeeded', BEFORE, 'succeeded', 'paid'],
    ['partially-refunded', AFTER, 'succeeded', 'paid'],
    ['refunded', AFTER, 'succeeded', 'paid'],
  ])('a payment %s until %s whose last attempt is %s: %s', (status, expiresAt, attempt, state) => {
    expect(payerStateOf(payment(status, expiresAt, attempt), NOW)).toBe(state);
  });
});
