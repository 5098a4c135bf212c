import { InvoicePaidEvent } from '@libs/contracts';
import { FakeStripe, startFakeStripe } from './stripe-fake';
import { createAgency } from './support/agencies';
import { Api } from './support/api';
import { JetStreamProbe } from './support/jetstream';
import { createMonthlyPlan, linkStripe, openCheckout } from './support/subscription-fixtures';
import { TestSuite } from './support/test-suite';

describe('repairing drift from missed webhooks', () => {
  let fake: FakeStripe;
  let suite: TestSuite;
  let probe: JetStreamProbe;

  beforeAll(async () => {
    fake = await startFakeStripe();
    suite = await TestSuite.start(['gateway', 'subscriptions'], { STRIPE_API_URL: fake.url });
    probe = await JetStreamProbe.connect(suite.nats.url);
  });

  afterAll(async () => {
    await probe?.close();
    await suite?.close();
    await fake?.close();
  });

  it("grants access and records payment that no webhook told us about, and leaves foreign products alone", async () => {
    const gatewayUrl = await suite.gatewayUrl();
    const agency = await linkStripe(await createAgency(new Api(gatewayUrl), suite.operatorToken), fake, gatewayUrl);
    const plan = await createMonthlyPlan(agency);
    fake.setWebhookEndpoint(agency.stripeKey, 'http://127.0.0.1:9/lost', agency.webhookSecret);
    const session = await openCheckout(agency, plan.planId, { readerId: 'missed-1' });
    await fake.completeCheckout(session);

    // A subscription to something the agency sells outside this suite, on the same Stripe account.
    const stripe = fake.sdk(agency.stripeKey);
    const foreignProduct = await stripe.products.create({ name: 'Printed edition' });
    const foreignPrice = await stripe.prices.create({ product: foreignProduct.id, currency: 'vnd', unit_amount: 150000, recurring: { interval: 'month' } });
    const foreign = await stripe.checkout.sessions.create({ mode: 'subscription', line_items: [{ price: foreignPrice.id, quantity: 1 }], customer_email: 'print@example.vn', success_url: 'https://x.vn/ok' });
    await fake.completeCheckout(foreign.id);

    expect((await agency.api.get<{ entitlements: unknown[] }>('/v1/subscriptions/entitlements?readerId=missed-1')).body.entitlements).toEqual([]);
    const result = await agency.api.post<{ subscriptionsChecked: number; subscriptionsIgnored: number; invoicesChecked: number }>('/v1/subscriptions/sync', undefined);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ subscriptionsChecked: 2, subscriptionsIgnored: 1, invoicesChecked: 2 });

    const granted = await agency.api.get<{ entitlements: { key: string }[] }>('/v1/subscriptions/entitlements?readerId=missed-1');
    expect(granted.body.entitlements.map((e) => e.key)).toEqual(['ad-free', 'premium-articles']);
    const paid = await probe.published<InvoicePaidEvent>('evt.subscriptions.invoice.paid.v1');
    expect(paid.map((e) => e.data.amountPaid)).toEqual(['99000']);

    const again = await agency.api.post('/v1/subscriptions/sync', undefined);
    expect(again.status).toBe(200);
    expect(await probe.published('evt.subscriptions.invoice.paid.v1')).toHaveLength(1);
  });
});

describe('calling Stripe within its limits', () => {
  let fake: FakeStripe;
  let suite: TestSuite;

  beforeAll(async () => {
    fake = await startFakeStripe();
    suite = await TestSuite.start(['gateway', 'subscriptions'], { STRIPE_API_URL: fake.url });
  });

  afterAll(async () => {
    await suite?.close();
    await fake?.close();
  });

  it('backs off and retries when Stripe answers 429, so the request still succeeds once', async () => {
    const gatewayUrl = await suite.gatewayUrl();
    const agency = await linkStripe(await createAgency(new Api(gatewayUrl), suite.operatorToken), fake, gatewayUrl);
    fake.rateLimit(agency.stripeKey, 2);
    const product = await agency.api.post('/v1/subscriptions/products', { name: 'Premium', productType: 'digital-subscription', entitlements: ['premium-articles'] });
    expect(product.status).toBe(201);
    expect((await fake.sdk(agency.stripeKey).products.list({ limit: 10 })).data).toHaveLength(1);
  });
});
