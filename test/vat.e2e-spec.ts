import { InvoicePaidEvent } from '@libs/contracts';
import { eventually } from '@libs/testing';
import { FakeStripe } from './stripe-fake';
import { JetStreamProbe } from './support/jetstream';
import {
  createMonthlyPlan,
  MonthlyPlan,
  openCheckout,
  startStripeWorld,
  StripeLinkedAgency,
  StripeWorld,
} from './support/subscription-fixtures';

const DAY = 86_400_000;

describe('VAT from the agency rate table', () => {
  let world: StripeWorld;
  let fake: FakeStripe;
  let probe: JetStreamProbe;
  let agency: StripeLinkedAgency;
  let plan: MonthlyPlan;

  const paidEvents = async () =>
    (await probe.published<InvoicePaidEvent>('evt.subscriptions.invoice.paid.v1')).map((e) => e.data);

  beforeAll(async () => {
    world = await startStripeWorld();
    ({ fake, probe, agency } = world);
    plan = await createMonthlyPlan(agency);
  });

  afterAll(() => world?.close());

  it('keeps a rate table by product type with periods that may not overlap', async () => {
    const standard = await agency.api.post('/v1/subscriptions/tax-rates', {
      productType: 'digital-subscription',
      percentage: '10',
      inclusive: true,
      displayName: 'VAT',
      effectiveFrom: '2026-01-01T00:00:00+07:00',
      effectiveTo: new Date(Date.now() + DAY).toISOString(),
    });
    expect(standard.status).toBe(201);
    expect(standard.body).toMatchObject({ percentage: '10', inclusive: true });
    const reduced = await agency.api.post('/v1/subscriptions/tax-rates', {
      productType: 'digital-subscription',
      percentage: '8',
      inclusive: true,
      displayName: 'VAT (reduced)',
      effectiveFrom: new Date(Date.now() + DAY).toISOString(),
    });
    expect(reduced.status).toBe(201);
    const overlapping = await agency.api.post('/v1/subscriptions/tax-rates', {
      productType: 'digital-subscription',
      percentage: '5',
      inclusive: true,
      displayName: 'Overlap',
      effectiveFrom: '2026-06-01T00:00:00Z',
      effectiveTo: '2026-07-01T00:00:00Z',
    });
    expect(overlapping.status).toBe(409);
    const bad = await agency.api.post<{ errors: { field: string }[] }>('/v1/subscriptions/tax-rates', {
      productType: 'digital-subscription',
      percentage: '10.125',
      inclusive: true,
      displayName: 'VAT',
      effectiveFrom: 'tomorrow',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field)).toContain('percentage');
    expect((await agency.api.get<{ items: unknown[] }>('/v1/subscriptions/tax-rates')).body.items).toHaveLength(2);
  });

  it('charges VAT included in the price and tells finance how much of it is tax', async () => {
    const session = await openCheckout(agency, plan.planId, { readerId: 'vat-1' });
    await fake.completeCheckout(session);
    const [paid] = await eventually(async () => {
      const events = await paidEvents();
      expect(events).toHaveLength(1);
      return events;
    });
    expect(paid).toMatchObject({ currency: 'VND', amountPaid: '99000', tax: '9000' });
  });

  it('moves subscriptions to the rate in force at their next invoice', async () => {
    const [subscription] = (await fake.sdk(agency.stripeKey).subscriptions.list({ limit: 1 })).data;
    const sync = await agency.api.post<{ id: string }>('/v1/subscriptions/sync', undefined);
    expect(sync.status).toBe(202);
    await eventually(async () => {
      expect((await agency.api.get(`/v1/subscriptions/sync-jobs/${sync.body.id}`)).body).toMatchObject({
        status: 'succeeded',
      });
    });
    const updated = await fake.sdk(agency.stripeKey).subscriptions.retrieve(subscription.id);
    expect(updated.default_tax_rates?.map((r) => r.percentage)).toEqual([8]);
    await fake.renew(subscription.id);
    await eventually(async () => {
      const events = await paidEvents();
      expect(events).toHaveLength(2);
      expect(events[1]).toMatchObject({ amountPaid: '99000', tax: String(99000 - Math.round(99000 / 1.08)) });
    });
  });
});
