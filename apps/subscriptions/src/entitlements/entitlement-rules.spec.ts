import {
  EntitlingGift,
  EntitlingGroupLicence,
  EntitlingSubscription,
  grantsFrom,
  sameGrants,
} from './entitlement-rules';

const day = (n: number) => new Date(Date.UTC(2026, 10, 1) + n * 86_400_000);
const now = day(10);

function sub(overrides: Partial<EntitlingSubscription>): EntitlingSubscription {
  return {
    id: 'sub-1',
    status: 'active',
    currentPeriodStart: day(0),
    currentPeriodEnd: day(30),
    cancelAtPeriodEnd: false,
    entitlements: ['premium-articles'],
    ...overrides,
  };
}

function gift(overrides: Partial<EntitlingGift>): EntitlingGift {
  return { id: 'gift-1', months: 3, until: day(90), entitlements: ['premium-articles'], ...overrides };
}

function group(overrides: Partial<EntitlingGroupLicence>): EntitlingGroupLicence {
  return {
    id: 'licence-1',
    name: 'HUST',
    validUntil: day(200),
    coveredBy: 'membership',
    entitlements: ['premium-articles'],
    ...overrides,
  };
}

describe('grantsFrom', () => {
  it('grants an active subscription until its period ends', () => {
    expect(grantsFrom({ subscriptions: [sub({})] }, now, 7)).toEqual([
      {
        key: 'premium-articles',
        until: day(30).toISOString(),
        source: 'subscription',
        sourceId: 'sub-1',
        reason: 'active',
      },
    ]);
  });

  it('grants a trial, and a subscription cancelled at period end, until the period ends', () => {
    expect(grantsFrom({ subscriptions: [sub({ status: 'trialing' })] }, now, 7)[0].reason).toBe('trialing');
    expect(grantsFrom({ subscriptions: [sub({ cancelAtPeriodEnd: true })] }, now, 7)[0]).toMatchObject({
      until: day(30).toISOString(),
      reason: 'active, cancelled at period end',
    });
  });

  it('keeps a past-due reader reading for the grace days only', () => {
    const pastDue = sub({ status: 'past_due', currentPeriodStart: day(5), currentPeriodEnd: day(35) });
    expect(grantsFrom({ subscriptions: [pastDue] }, now, 7)[0]).toMatchObject({
      until: day(12).toISOString(),
      reason: 'past_due (grace)',
    });
    expect(grantsFrom({ subscriptions: [pastDue] }, day(13), 7)).toEqual([]);
  });

  it('counts grace from when the unpaid invoice became due when known (an upgrade failed late in a period)', () => {
    const failedUpgrade = sub({ status: 'past_due', currentPeriodStart: day(-20), pastDueSince: day(8) });
    expect(grantsFrom({ subscriptions: [failedUpgrade] }, now, 7)[0]).toMatchObject({
      until: day(15).toISOString(),
      reason: 'past_due (grace)',
    });
    expect(grantsFrom({ subscriptions: [failedUpgrade] }, day(15), 7)).toEqual([]);
    expect(grantsFrom({ subscriptions: [{ ...failedUpgrade, pastDueSince: null }] }, now, 7)).toEqual([]);
  });

  it.each(['unpaid', 'paused', 'canceled', 'incomplete'] as const)('grants nothing to a %s subscription', (status) => {
    expect(grantsFrom({ subscriptions: [sub({ status })] }, now, 7)).toEqual([]);
  });

  it('grants nothing once the period is over', () => {
    expect(grantsFrom({ subscriptions: [sub({ currentPeriodEnd: day(9) })] }, now, 7)).toEqual([]);
  });

  it('keeps the longest grant per key across subscriptions', () => {
    const grants = grantsFrom(
      {
        subscriptions: [
          sub({ id: 'short', entitlements: ['premium-articles', 'ad-free'] }),
          sub({ id: 'long', currentPeriodEnd: day(365), entitlements: ['premium-articles'] }),
        ],
      },
      now,
      7,
    );
    expect(grants.map((g) => [g.key, g.sourceId])).toEqual([
      ['ad-free', 'short'],
      ['premium-articles', 'long'],
    ]);
  });

  it('grants a redeemed gift until its months are over, and nothing after', () => {
    expect(grantsFrom({ gifts: [gift({})] }, now, 7)).toEqual([
      {
        key: 'premium-articles',
        until: day(90).toISOString(),
        source: 'gift',
        sourceId: 'gift-1',
        reason: 'gift of 3 months',
      },
    ]);
    expect(grantsFrom({ gifts: [gift({ months: 1, until: day(10) })] }, now, 7)).toEqual([]);
  });

  it('grants a group licence to its members and to addresses in its ranges until it ends', () => {
    expect(grantsFrom({ groups: [group({})] }, now, 7)).toEqual([
      {
        key: 'premium-articles',
        until: day(200).toISOString(),
        source: 'group',
        sourceId: 'licence-1',
        reason: 'member of HUST',
      },
    ]);
    expect(grantsFrom({ groups: [group({ coveredBy: 'ip-range' })] }, now, 7)[0].reason).toBe(
      'address in a range of HUST',
    );
    expect(grantsFrom({ groups: [group({ validUntil: now })] }, now, 7)).toEqual([]);
  });

  it('merges every source by the same rule: one grant per key, the longest', () => {
    const grants = grantsFrom(
      {
        subscriptions: [sub({ id: 'sub', currentPeriodEnd: day(30), entitlements: ['premium-articles', 'ad-free'] })],
        gifts: [gift({ id: 'gift', until: day(90), entitlements: ['premium-articles'] })],
        groups: [group({ id: 'group', validUntil: day(60), entitlements: ['premium-articles', 'e-paper'] })],
      },
      now,
      7,
    );
    expect(grants.map((g) => [g.key, g.source, g.sourceId])).toEqual([
      ['ad-free', 'subscription', 'sub'],
      ['e-paper', 'group', 'group'],
      ['premium-articles', 'gift', 'gift'],
    ]);
  });

  it('prefers a subscription, then a gift, then a group when they last equally long', () => {
    const grants = grantsFrom(
      { groups: [group({ validUntil: day(30) })], gifts: [gift({ until: day(30) })], subscriptions: [sub({})] },
      now,
      7,
    );
    expect(grants).toHaveLength(1);
    expect(grants[0].source).toBe('subscription');
    expect(
      grantsFrom({ groups: [group({ validUntil: day(30) })], gifts: [gift({ until: day(30) })] }, now, 7)[0].source,
    ).toBe('gift');
  });

  it('grants nothing from no sources', () => {
    expect(grantsFrom({}, now, 7)).toEqual([]);
  });
});

describe('sameGrants', () => {
  const grant = {
    key: 'premium-articles',
    until: day(30).toISOString(),
    source: 'subscription' as const,
    sourceId: 'sub-1',
    reason: 'active',
  };

  it('takes grants read back with their keys in another order (as jsonb answers them) as the same', () => {
    const readBack = {
      key: grant.key,
      until: grant.until,
      reason: grant.reason,
      source: grant.source,
      sourceId: grant.sourceId,
    };
    expect(JSON.stringify(readBack)).not.toBe(JSON.stringify(grant));
    expect(sameGrants([readBack], [grant])).toBe(true);
  });

  it('tells apart grants that differ in any field, in number or in order', () => {
    expect(sameGrants([grant], [{ ...grant, until: day(60).toISOString() }])).toBe(false);
    expect(sameGrants([grant], [{ ...grant, reason: 'past_due (grace)' }])).toBe(false);
    expect(sameGrants([grant], [grant, { ...grant, key: 'ad-free' }])).toBe(false);
    expect(sameGrants([{ ...grant, key: 'ad-free' }, grant], [grant, { ...grant, key: 'ad-free' }])).toBe(false);
  });
});
