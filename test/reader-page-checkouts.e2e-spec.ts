import Stripe from 'stripe';
import { Api } from './support/api';
import {
  createMonthlyPlan,
  MonthlyPlan,
  StripeLinkedAgency,
  startStripeWorld,
  StripeWorld,
} from './support/subscription-fixtures';

interface Checkout {
  id: string;
  url: string;
  errors?: { field: string; message: string }[];
}

/** A reader's page calls with the publishable site key, which anyone can copy off the page. */
describe('checkouts opened from a reader page (site key)', () => {
  let world: StripeWorld;
  let agency: StripeLinkedAgency;
  let plan: MonthlyPlan;
  let readerPage: Api;
  let stripe: Stripe;

  const checkout = (fields: Record<string, unknown>, api: Api = readerPage) =>
    api.post<Checkout>('/v1/subscriptions/checkout-sessions', {
      planId: plan.planId,
      successUrl: 'https://tinnhanh.vn/cam-on',
      cancelUrl: 'https://tinnhanh.vn/goi-cuoc',
      ...fields,
    });
  const fieldsOf = (response: { body: Checkout }) => (response.body.errors ?? []).map((e) => e.field);
  const readerToken = async (reader: Record<string, string>) => {
    const issued = await agency.api.post<{ token: string }>('/v1/paywall/reader-tokens', reader);
    expect(issued.status).toBe(201);
    return issued.body.token;
  };

  beforeAll(async () => {
    world = await startStripeWorld({}, ['paywall']);
    agency = world.agency;
    plan = await createMonthlyPlan(agency);
    const site = await agency.api.post<{ publishableKey: string }>('/v1/sites', {
      name: 'Tin Nhanh',
      domain: 'tinnhanh.vn',
    });
    expect(site.status).toBe(201);
    readerPage = new Api(world.gatewayUrl, { siteKey: site.body.publishableKey });
    stripe = world.fake.sdk(agency.stripeKey);
  });

  afterAll(() => world?.close());

  it("refuses redirect URLs off the site's domain with 400 naming each field", async () => {
    const offSite = 'https://tinnhanh.vn.evil.example/cam-on';
    const success = await checkout({ email: 'a@example.vn', successUrl: offSite });
    expect(success.status).toBe(400);
    expect(fieldsOf(success)).toEqual(['successUrl']);
    const both = await checkout({ email: 'a@example.vn', successUrl: offSite, cancelUrl: 'https://evil.example/' });
    expect(both.status).toBe(400);
    expect(fieldsOf(both)).toEqual(['successUrl', 'cancelUrl']);
    expect((await checkout({ email: 'a@example.vn', cancelUrl: 'https://www.tinnhanh.vn/goi' })).status).toBe(201);
    // The agency's own server, with its secret key, sends readers where it likes.
    expect((await checkout({ email: 'a@example.vn', successUrl: offSite }, agency.api)).status).toBe(201);
  });

  it("names an existing reader by id only with that reader's token", async () => {
    const without = await checkout({ readerId: 'doc-gia-1' });
    expect(without.status).toBe(400);
    expect(fieldsOf(without)).toEqual(['readerToken']);
    const someoneElses = await checkout({
      readerId: 'doc-gia-1',
      readerToken: await readerToken({ readerId: 'doc-gia-2' }),
    });
    expect(someoneElses.status).toBe(400);
    expect(fieldsOf(someoneElses)).toEqual(['readerToken']);
    const forged = await checkout({ readerId: 'doc-gia-1', readerToken: 'eyJ2IjoxfQ.k1.AAAAAAAAAAAAAAAAAAAAAA' });
    expect(forged.status).toBe(400);
    expect(fieldsOf(forged)).toEqual(['readerToken']);
    const vouched = await checkout({
      readerId: 'doc-gia-1',
      readerToken: await readerToken({ readerId: 'doc-gia-1' }),
    });
    expect(vouched.status).toBe(201);
  });

  it('never opens a checkout as an existing customer for a reader page without the reader token', async () => {
    const byAgency = await checkout({ email: 'khach-cu@example.vn' }, agency.api);
    expect(byAgency.status).toBe(201);
    const customer = (await stripe.checkout.sessions.retrieve(byAgency.body.id)).customer;
    expect(customer).toEqual(expect.stringMatching(/^cus_/));

    const anonymous = await checkout({ email: 'khach-cu@example.vn' });
    expect(anonymous.status).toBe(201);
    const session = await stripe.checkout.sessions.retrieve(anonymous.body.id);
    expect(session.customer).toBeNull();
    expect(session.customer_email).toBe('khach-cu@example.vn');

    const vouched = await checkout({
      email: 'khach-cu@example.vn',
      readerToken: await readerToken({ email: 'khach-cu@example.vn' }),
    });
    expect(vouched.status).toBe(201);
    expect((await stripe.checkout.sessions.retrieve(vouched.body.id)).customer).toBe(customer);
  });
});
