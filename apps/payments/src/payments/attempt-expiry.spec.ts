import { attemptExpiresAt } from './attempt-expiry';

describe('attemptExpiresAt', () => {
  const started = new Date('2026-12-07T10:00:00Z');
  it.each([
    ['a payment open for days: 30 minutes', '2026-12-17T10:00:00Z', '2026-12-07T10:30:00.000Z'],
    ['a payment ending sooner: with the payment', '2026-12-07T10:10:00Z', '2026-12-07T10:10:00.000Z'],
    ['a payment ending at the same moment', '2026-12-07T10:30:00Z', '2026-12-07T10:30:00.000Z'],
  ])('%s', (_name, paymentExpiresAt, expected) => {
    expect(attemptExpiresAt(started, new Date(paymentExpiresAt)).toISOString()).toBe(expected);
  });
});
