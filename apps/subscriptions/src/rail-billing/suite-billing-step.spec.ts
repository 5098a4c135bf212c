import { SuiteBilledSubscription, suiteBillingStepAt, SuiteDunning, suiteDunningStepAt } from './suite-billing-step';

const END = new Date('2026-03-31T09:30:00.000Z');
const at = (days: number) => new Date(END.getTime() + days * 86_400_000);
const ACTIVE: SuiteBilledSubscription = {
  status: 'active',
  currentPeriodEnd: END,
  cancelAtPeriodEnd: false,
  renewal: null,
};

describe('suiteBillingStepAt', () => {
  it.each<[string, Partial<SuiteBilledSubscription>, number, ReturnType<typeof suiteBillingStepAt>]>([
    ['bills nothing before the notice days', {}, -3.01, 'none'],
    ['bills the renewal once the notice days begin', {}, -3, 'bill-renewal'],
    ['bills a renewal the schedule missed, even after the period ended', {}, 1, 'bill-renewal'],
    ['waits for the payment of an issued renewal until the period ends', { renewal: { status: 'open' } }, -1, 'none'],
    [
      'makes the subscription past due when the period ends unpaid',
      { renewal: { status: 'open' } },
      0,
      'fall-past-due',
    ],
    ['bills no renewal of a subscription cancelled at period end', { cancelAtPeriodEnd: true }, -1, 'none'],
    [
      'ends a subscription cancelled at period end when the period ends',
      { cancelAtPeriodEnd: true },
      0,
      'end-cancelled',
    ],
    [
      'leaves a past-due subscription to its dunning case',
      { status: 'past_due', renewal: { status: 'open' } },
      2,
      'none',
    ],
    ['leaves an incomplete subscription (its first period unpaid) alone', { status: 'incomplete' }, 0, 'none'],
    ['leaves a cancelled subscription alone', { status: 'canceled' }, 0, 'none'],
    ["bills a trial's end as a renewal, ahead by the notice days", { status: 'trialing' }, -3, 'bill-renewal'],
    [
      'makes a trial past due when it ends unpaid',
      { status: 'trialing', renewal: { status: 'open' } },
      0,
      'fall-past-due',
    ],
    [
      'ends a trial cancelled at its end, unbilled',
      { status: 'trialing', cancelAtPeriodEnd: true },
      0,
      'end-cancelled',
    ],
    ['does nothing after a renewal voided by a cancellation', { renewal: { status: 'void' } }, 1, 'none'],
  ])('%s', (_, change, days, step) => {
    expect(suiteBillingStepAt({ ...ACTIVE, ...change }, 3, at(days))).toBe(step);
  });

  it("counts the agency's own notice days", () => {
    expect(suiteBillingStepAt(ACTIVE, 7, at(-6.5))).toBe('bill-renewal');
    expect(suiteBillingStepAt(ACTIVE, 1, at(-1.5))).toBe('none');
  });
});

describe('suiteDunningStepAt', () => {
  const OPENED: SuiteDunning = { openedAt: END, retryDays: [1, 3, 5], attemptsMade: 0 };

  it.each<[string, Partial<SuiteDunning>, number, ReturnType<typeof suiteDunningStepAt>]>([
    ['waits for the first reminder day', {}, 0.5, { kind: 'wait', next: at(1) }],
    [
      'sends the first reminder on its day, then waits for the next',
      {},
      1,
      { kind: 'remind', reminder: 1, next: at(3) },
    ],
    ['sends each reminder once', { attemptsMade: 1 }, 2, { kind: 'wait', next: at(3) }],
    [
      'sends only the latest of reminders missed while the schedule was down',
      {},
      3.5,
      { kind: 'remind', reminder: 2, next: at(5) },
    ],
    ['waits for the end of grace after the last reminder', { attemptsMade: 3 }, 6, { kind: 'wait', next: at(7) }],
    ['lapses at the end of grace', { attemptsMade: 3 }, 7, { kind: 'lapse' }],
    ['lapses at the end of grace whatever reminders are left', {}, 8, { kind: 'lapse' }],
    [
      'drops reminder days after the end of grace',
      { retryDays: [1, 10], attemptsMade: 1 },
      2,
      { kind: 'wait', next: at(7) },
    ],
    ['with no reminder days, waits for the end of grace', { retryDays: [] }, 1, { kind: 'wait', next: at(7) }],
  ])('%s', (_, change, days, step) => {
    expect(suiteDunningStepAt({ ...OPENED, ...change }, 7, at(days))).toEqual(step);
  });

  it('lapses at once with no grace days', () => {
    expect(suiteDunningStepAt(OPENED, 0, at(0))).toEqual({ kind: 'lapse' });
  });
});
