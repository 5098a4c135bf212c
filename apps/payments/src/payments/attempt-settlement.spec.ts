import type { AttemptStatus, PaymentStatus } from '@libs/contracts';
import { Settlement, settleAttempt, SettlementInput } from './attempt-settlement';

const ATTEMPT = 'a1';
const OTHER = 'a2';

function input(
  paymentStatus: PaymentStatus,
  paidBy: string | null,
  attemptStatus: AttemptStatus,
  report: SettlementInput['report'],
): SettlementInput {
  return {
    payment: { status: paymentStatus, succeededAttemptId: paidBy },
    attempt: { id: ATTEMPT, status: attemptStatus, amount: 99_000n, currency: 'VND' },
    report,
  };
}

const paid = (amount = 99_000n, currency = 'VND') => ({
  outcome: 'succeeded' as const,
  amount,
  currency,
  failure: null,
});
const declined = { outcome: 'failed' as const, amount: null, currency: null, failure: '24 cancelled by the payer' };
const pending = { outcome: 'pending' as const, amount: null, currency: null, failure: null };
const unknown = { outcome: 'not-found' as const, amount: null, currency: null, failure: null };

describe('settleAttempt', () => {
  const cases: [string, SettlementInput, Settlement][] = [
    ['a paid attempt pays an open payment', input('open', null, 'started', paid()), { kind: 'pays' }],
    ['money after the payment expired still pays it', input('expired', null, 'expired', paid()), { kind: 'pays' }],
    ['money after a failure of the same attempt pays', input('open', null, 'failed', paid()), { kind: 'pays' }],
    [
      'the same success again changes nothing',
      input('succeeded', ATTEMPT, 'succeeded', paid()),
      { kind: 'already-settled' },
    ],
    [
      'a success once refunded changes nothing',
      input('refunded', ATTEMPT, 'succeeded', paid()),
      { kind: 'already-settled' },
    ],
    [
      'a second attempt paying a paid payment is kept apart',
      input('succeeded', OTHER, 'started', paid()),
      { kind: 'paid-twice' },
    ],
    [
      'paying after a refund of another attempt is kept apart',
      input('partially-refunded', OTHER, 'started', paid()),
      { kind: 'paid-twice' },
    ],
    [
      'a lower amount never pays',
      input('open', null, 'started', paid(1_000n)),
      { kind: 'amount-mismatch', detail: 'the rail reported 1000 VND, not 99000 VND' },
    ],
    [
      'a higher amount never pays',
      input('open', null, 'started', paid(990_000n)),
      { kind: 'amount-mismatch', detail: 'the rail reported 990000 VND, not 99000 VND' },
    ],
    [
      'another currency never pays',
      input('open', null, 'started', paid(99_000n, 'USD')),
      { kind: 'amount-mismatch', detail: 'the rail reported 99000 USD, not 99000 VND' },
    ],
    [
      'a success without an amount never pays',
      input('open', null, 'started', { outcome: 'succeeded', amount: null, currency: null, failure: null }),
      { kind: 'amount-mismatch', detail: 'the rail reported no amount, not 99000 VND' },
    ],
    [
      'a decline fails a started attempt',
      input('open', null, 'started', declined),
      { kind: 'fails', reason: '24 cancelled by the payer' },
    ],
    [
      'a decline after success changes nothing',
      input('succeeded', ATTEMPT, 'succeeded', declined),
      { kind: 'already-settled' },
    ],
    ['a decline repeated changes nothing', input('open', null, 'failed', declined), { kind: 'already-settled' }],
    [
      'a decline after expiry changes nothing',
      input('expired', null, 'expired', declined),
      { kind: 'already-settled' },
    ],
    [
      'a failure without a reason names the rail',
      input('open', null, 'started', { ...declined, failure: null }),
      { kind: 'fails', reason: 'failed at the rail' },
    ],
    ['pending waits', input('open', null, 'started', pending), { kind: 'still-pending' }],
    ['unknown at the rail', input('open', null, 'started', unknown), { kind: 'unknown-at-rail' }],
  ];

  it.each(cases)('%s', (_name, given, expected) => {
    expect(settleAttempt(given)).toEqual(expected);
  });
});
