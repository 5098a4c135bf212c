import { AddressGrantChangedEvent, EntitlementChangedEvent } from '@libs/contracts';
import { eventually } from '@libs/testing';
import { EntitlementLapseSchedule } from '../apps/subscriptions/src/entitlements/entitlement-lapse.schedule';
import { createMonthlyPlan, MonthlyPlan, startStripeWorld, StripeWorld } from './support/subscription-fixtures';

const DAY = 86_400_000;

describe('grants that run out are published', () => {
  let world: StripeWorld;
  let plan: MonthlyPlan;

  beforeAll(async () => {
    world = await startStripeWorld();
    plan = await createMonthlyPlan(world.agency);
  });

  afterAll(() => world?.close());

  const lapses = () => world.suite.instances('subscriptions')[0].get(EntitlementLapseSchedule);
  const entitlementEvents = async (readerKey: string) =>
    (await world.probe.published<EntitlementChangedEvent>('evt.subscriptions.entitlement.changed.v1'))
      .filter((e) => e.data.readerKey === readerKey)
      .map((e) => e.data);
  const addressEvents = async (licenceId: string) =>
    (await world.probe.published<AddressGrantChangedEvent>('evt.subscriptions.address-grant.changed.v1'))
      .filter((e) => e.data.licenceId === licenceId)
      .map((e) => e.data);

  it('republishes a reader whose gift ran out, once, with a higher version', async () => {
    const { api } = world.agency;
    const gift = await api.post<{ claimCode: string }>('/v1/subscriptions/gifts', {
      planId: plan.planId,
      months: 1,
      purchaserEmail: 'ba@example.vn',
    });
    expect(gift.status).toBe(201);
    const redeemed = await api.post<{ until: string }>('/v1/subscriptions/gifts/redeem', {
      code: gift.body.claimCode,
      readerId: 'lapse-1',
    });
    expect(redeemed.status).toBe(200);
    const [granted] = await eventually(async () => {
      const events = await entitlementEvents('reader:lapse-1');
      expect(events).toHaveLength(1);
      return events;
    });
    expect(granted.entitlements.map((g) => g.key)).toEqual(['ad-free', 'premium-articles']);

    const until = new Date(redeemed.body.until).getTime();
    expect(await lapses().sweep(new Date(until - 1000))).toEqual({ readers: 0, licences: 0 });
    expect(await lapses().sweep(new Date(until + 1000))).toEqual({ readers: 1, licences: 0 });
    expect(await lapses().sweep(new Date(until + 2000))).toEqual({ readers: 0, licences: 0 });

    const events = await eventually(async () => {
      const found = await entitlementEvents('reader:lapse-1');
      expect(found).toHaveLength(2);
      return found;
    });
    expect(events[1]).toMatchObject({ version: granted.version + 1, entitlements: [] });
  });

  it('publishes address grants of a licence when made, changed and ended, and never for a licence without ranges', async () => {
    const { api } = world.agency;
    const validUntil = new Date(Date.now() + 30 * DAY).toISOString();
    const campus = await api.post<{ id: string }>('/v1/subscriptions/group-licences', {
      name: 'Đại học Huế',
      planId: plan.planId,
      seats: 5,
      ipRanges: ['203.0.113.0/24'],
      validUntil,
    });
    expect(campus.status).toBe(201);
    const office = await api.post<{ id: string }>('/v1/subscriptions/group-licences', {
      name: 'Văn phòng',
      planId: plan.planId,
      seats: 5,
      emailDomains: ['congty.vn'],
      validUntil,
    });
    expect(office.status).toBe(201);
    expect(
      (
        await api.patch(`/v1/subscriptions/group-licences/${campus.body.id}`, {
          ipRanges: ['203.0.113.0/24', '198.51.100.0/24'],
        })
      ).status,
    ).toBe(200);
    expect((await api.patch(`/v1/subscriptions/group-licences/${campus.body.id}`, { seats: 9 })).status).toBe(200);

    expect(await lapses().sweep(new Date(new Date(validUntil).getTime() + 1000))).toEqual({ readers: 0, licences: 1 });
    expect(await lapses().sweep(new Date(new Date(validUntil).getTime() + 2000))).toEqual({ readers: 0, licences: 0 });

    const events = await eventually(async () => {
      const found = await addressEvents(campus.body.id);
      expect(found).toHaveLength(3);
      return found;
    });
    expect(events.map((e) => e.version)).toEqual([1, 2, 3]);
    expect(events[0]).toMatchObject({
      ipRanges: ['203.0.113.0/24'],
      entitlements: ['premium-articles', 'ad-free'],
      validUntil,
    });
    expect(events[1].ipRanges).toEqual(['203.0.113.0/24', '198.51.100.0/24']);
    expect(events[2]).toMatchObject({ ipRanges: [], entitlements: [] });
    expect(await addressEvents(office.body.id)).toEqual([]);
  });
});
