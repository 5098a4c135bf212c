import { EntitlingSubscription, grantsFrom } from './entitlement-rules';

const day = (n: number) => new Date(Date.UTC(2026, 10, 1) + n * 86_400_000);
const now = day(10);

function sub(overrides: Partial<EntitlingSubscription>): EntitlingSubscription {
  return { id: 'sub-1', status: 'active', currentPeriodStart: day(0), currentPeriodEnd: day(30), cancelAtPeriodEnd: false, entitlements: ['premium-articles'], ...overrides };
}

describe('grantsFrom', () => {
  it('grants an active subscription until its period ends', () => {
    expect(grantsFrom([sub({})], now, 7)).toEqual([
      { key: 'premium-articles', until: day(30).toISOString(), source: 'subscription', sourceId: 'sub-1', reason: 'active' },
    ]);
  });

  it('grants a trial, and a subscription cancelled at period end, until the period ends', () => {
    expect(grantsFrom([sub({ status: 'trialing' })], now, 7)[0].reason).toBe('trialing');
    expect(grantsFrom([sub({ cancelAtPeriodEnd: true })], now, 7)[0]).toMatchObject({ until: day(30).toISOString(), reason: 'active, cancelled at period end' });
  });

  it('keeps a past-due reader reading for the grace days only', () => {
    const pastDue = sub({ status: 'past_due', currentPeriodStart: day(5), currentPeriodEnd: day(35) });
    expect(grantsFrom([pastDue], now, 7)[0]).toMatchObject({ until: day(12).toISOString(), reason: 'past_due (grace)' });
    expect(grantsFrom([pastDue], day(13), 7)).toEqual([]);
  });

  it.each(['unpaid', 'paused', 'canceled', 'incomplete'] as const)('grants nothing to a %s subscription', (status) => {
    expect(grantsFrom([sub({ status })], now, 7)).toEqual([]);
  });

  it('grants nothing once the period is over', () => {
    expect(grantsFrom([sub({ currentPeriodEnd: day(9) })], now, 7)).toEqual([]);
  });

  it('keeps the longest grant per key across subscriptions', () => {
    const grants = grantsFrom(
      [sub({ id: 'short', entitlements: ['premium-articles', 'ad-free'] }), sub({ id: 'long', currentPeriodEnd: day(365), entitlements: ['premium-articles'] })],
      now,
      7,
    );
    expect(grants.map((g) => [g.key, g.sourceId])).toEqual([
      ['ad-free', 'short'],
      ['premium-articles', 'long'],
    ]);
  });
});
