import { eventually } from '@libs/testing';
import { createMonthlyPlan, openCheckout, startStripeWorld, StripeWorld } from './support/subscription-fixtures';

interface AuditItem {
  service: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}

describe('audit log of changes made inside the services', () => {
  let world: StripeWorld;

  beforeAll(async () => {
    world = await startStripeWorld();
  });

  afterAll(() => world?.close());

  const auditOf = async (agency = world.agency) =>
    (await agency.api.get<{ items: AuditItem[] }>('/v1/audit-log?limit=500')).body.items;
  const fromSubscriptions = async (agency = world.agency) =>
    (await auditOf(agency)).filter((entry) => entry.service === 'subscriptions');

  it('records who changed the Stripe account (payments holds it), without its secrets', async () => {
    const entry = await eventually(async () => {
      const found = (await auditOf()).find((e) => e.service === 'payments' && e.action === 'stripe-account.configured');
      expect(found).toBeDefined();
      return found!;
    });
    expect(entry.actor).toMatch(/^api-key:/);
    expect(entry).toMatchObject({
      targetType: 'stripe-account',
      before: { configured: false },
      after: { configured: true, mode: 'test', keyLast4: world.agency.stripeKey.slice(-4) },
    });
    const serialized = JSON.stringify(await auditOf());
    expect(serialized).not.toContain(world.agency.stripeKey);
    expect(serialized).not.toContain(world.agency.webhookSecret);
  });

  it('records the catalog, a new price version, the dunning policy, VAT, coupons and group licences with before and after', async () => {
    const { api } = world.agency;
    const plan = await createMonthlyPlan(world.agency);
    expect((await api.post(`/v1/subscriptions/plans/${plan.planId}/prices`, { unitAmount: '109000' })).status).toBe(
      201,
    );
    const dunning = await api.send(
      'PUT',
      '/v1/subscriptions/billing-settings/dunning',
      { retryDays: [2, 4], graceDays: 5, afterFinalFailure: 'pause' },
      { 'x-request-id': 'audit-dunning-1' },
    );
    expect(dunning.status).toBe(200);
    expect(
      (
        await api.post('/v1/subscriptions/tax-rates', {
          productType: 'digital-subscription',
          percentage: '10',
          inclusive: true,
          displayName: 'VAT',
          effectiveFrom: '2026-01-01T00:00:00+07:00',
        })
      ).status,
    ).toBe(201);
    expect(
      (await api.post('/v1/subscriptions/coupons', { name: 'Tết', percentOff: 20, duration: 'once' })).status,
    ).toBe(201);
    const licence = await api.post<{ id: string }>('/v1/subscriptions/group-licences', {
      name: 'Đại học Quốc gia',
      planId: plan.planId,
      seats: 50,
      emailDomains: ['vnu.edu.vn'],
      validUntil: new Date(Date.now() + 365 * 86_400_000).toISOString(),
    });
    expect(licence.status).toBe(201);
    expect((await api.send('PATCH', `/v1/subscriptions/group-licences/${licence.body.id}`, { seats: 80 })).status).toBe(
      200,
    );

    const entries = await eventually(async () => {
      const found = await fromSubscriptions();
      expect(found.map((e) => e.action)).toEqual(
        expect.arrayContaining([
          'product.created',
          'plan.created',
          'plan.repriced',
          'dunning-policy.updated',
          'tax-rate.created',
          'coupon.created',
          'group-licence.created',
          'group-licence.updated',
        ]),
      );
      return found;
    });
    const byAction = (action: string) => entries.find((e) => e.action === action)!;
    expect(byAction('plan.repriced')).toMatchObject({
      targetId: plan.planId,
      before: { currentPrice: { unitAmount: '99000', version: 1 } },
      after: { currentPrice: { unitAmount: '109000' } },
    });
    expect(byAction('dunning-policy.updated')).toMatchObject({
      requestId: 'audit-dunning-1',
      before: { retryDays: [1, 3, 5] },
      after: { retryDays: [2, 4], graceDays: 5, afterFinalFailure: 'pause' },
    });
    expect(byAction('group-licence.updated')).toMatchObject({
      targetId: licence.body.id,
      before: { seats: 50 },
      after: { seats: 80 },
    });
    expect(byAction('tax-rate.created').after).toMatchObject({ percentage: '10', inclusive: true });
    for (const entry of entries) expect(entry.actor).toMatch(/^api-key:/);
  });

  it('records gifts made by staff and reissued codes, never a code', async () => {
    const { api } = world.agency;
    const plan = await createMonthlyPlan(world.agency);
    const gift = await api.post<{ gift: { id: string }; claimCode: string }>('/v1/subscriptions/gifts', {
      planId: plan.planId,
      months: 3,
      purchaserEmail: 'me@example.vn',
    });
    expect(gift.status).toBe(201);
    const reissued = await api.post<{ claimCode: string }>(
      `/v1/subscriptions/gifts/${gift.body.gift.id}/reissue-code`,
      {},
    );
    expect(reissued.status).toBe(200);
    await eventually(async () => {
      const actions = (await fromSubscriptions()).filter((e) => e.targetId === gift.body.gift.id).map((e) => e.action);
      expect(actions.sort()).toEqual(['gift.code-reissued', 'gift.created']);
    });
    const serialized = JSON.stringify(await auditOf());
    for (const code of [gift.body.claimCode, reissued.body.claimCode])
      expect(serialized).not.toContain(code.replace(/^GIFT-/, ''));
  });

  it('records a plan change made by staff, from which plan to which', async () => {
    const { api } = world.agency;
    const [basic, premium] = [
      await createMonthlyPlan(world.agency),
      await createMonthlyPlan(world.agency, { unitAmount: '199000' }),
    ];
    await world.fake.completeCheckout(await openCheckout(world.agency, basic.planId, { readerId: 'audit-reader' }));
    const subscription = await eventually(async () => {
      const [found] = (
        await api.get<{ items: { id: string }[] }>('/v1/subscriptions/subscriptions?readerId=audit-reader')
      ).body.items;
      expect(found).toBeDefined();
      return found;
    });
    expect(
      (await api.post(`/v1/subscriptions/subscriptions/${subscription.id}/plan-change`, { planId: premium.planId }))
        .status,
    ).toBe(200);
    const entry = await eventually(async () => {
      const found = (await fromSubscriptions()).find(
        (e) => e.action === 'subscription.plan-changed' && e.targetId === subscription.id,
      );
      expect(found).toBeDefined();
      return found!;
    });
    expect(entry).toMatchObject({ before: { planId: basic.planId }, after: { planId: premium.planId } });
  });

  it('records nothing for a refused change', async () => {
    const { api } = world.agency;
    const before = (await fromSubscriptions()).length;
    const refused = await api.send('PUT', '/v1/subscriptions/billing-settings/dunning', {
      retryDays: [0],
      graceDays: 5,
      afterFinalFailure: 'pause',
    });
    expect(refused.status).toBe(400);
    // A later accepted change proves the log is caught up when we count.
    expect(
      (
        await api.send('PUT', '/v1/subscriptions/billing-settings/dunning', {
          retryDays: [1],
          graceDays: 3,
          afterFinalFailure: 'cancel',
        })
      ).status,
    ).toBe(200);
    await eventually(async () => expect((await fromSubscriptions()).length).toBe(before + 1));
  });
});
