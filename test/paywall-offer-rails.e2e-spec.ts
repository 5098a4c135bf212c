import {
  ConversionListResponse,
  OfferSetView,
  PaymentAccountView,
  PaymentAttemptView,
  RailCheckoutView,
  ReaderSubscriptionView,
} from '@libs/contracts';
import { eventually } from '@libs/testing';
import { PublicDecisionServer } from '../apps/paywall/src/public-decisions/public-decision-server';
import { startFakeMomo } from './momo-fake/fake-momo';
import { FakeStripe, startFakeStripe } from './stripe-fake';
import { TestAgency } from './support/agencies';
import { Api } from './support/api';
import { createFinanceAgency } from './support/finance-events';
import { RailFake } from './support/rail-fake';
import { createMonthlyPlan, linkStripe } from './support/subscription-fixtures';
import { TestSuite } from './support/test-suite';

interface Answer {
  access: string;
  segment: string;
  offer: {
    id: string;
    cta: string;
    planIds: string[];
    couponCode: string | null;
    checkout: string;
    rails: string[] | null;
  } | null;
  checkoutReference: string | null;
}
interface Problem {
  errors?: { field: string; message: string }[];
}

const copy = {
  vi: { headline: 'Đọc không giới hạn', body: 'Thanh toán bằng MoMo.', cta: 'Thanh toán' },
  en: { headline: 'Read without limits', body: 'Pay with MoMo.', cta: 'Pay' },
};
const ARTICLE = 'tin-1';

describe('a paywall offer sold on the domestic rails', () => {
  let suite: TestSuite;
  let stripe: FakeStripe;
  let momo: RailFake;
  let agency: TestAgency;
  let planId: string;
  let trialPlanId: string;
  let dollarPlanId: string;
  let siteDomain: string;
  /** The reader's page: the gateway with the site's publishable key, as the snippet calls it. */
  let readerPage: Api;
  let paywall: Api;
  let gateway: Api;

  beforeAll(async () => {
    [momo, stripe] = await Promise.all([startFakeMomo(), startFakeStripe()]);
    suite = await TestSuite.start(['gateway', 'paywall', 'subscriptions', 'payments', 'finance'], {
      STRIPE_API_URL: stripe.url,
      PAYMENT_RAIL_URLS: `momo=${momo.url}`,
    });
    const gatewayUrl = await suite.gatewayUrl();
    gateway = new Api(gatewayUrl);
    // The catalog is at the provider, as today; the agency takes MoMo beside it.
    agency = await linkStripe(await createFinanceAgency(gateway, suite.operatorToken), stripe, gatewayUrl);
    const credentials = momo.merchant();
    const account = await eventually(async () => {
      const response = await agency.api.put<PaymentAccountView>('/v1/payments/accounts/momo', {
        environment: 'sandbox',
        enabled: true,
        credentials,
      });
      if (response.status !== 200) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    });
    momo.setNotificationUrl(credentials, account.notificationUrl);
    planId = (await createMonthlyPlan(agency)).planId;
    trialPlanId = (await createMonthlyPlan(agency, { name: 'Dùng thử', trialDays: 7 })).planId;
    dollarPlanId = (await createMonthlyPlan(agency, { name: 'Monthly (USD)', currency: 'USD', unitAmount: '499' }))
      .planId;

    siteDomain = `${agency.slug}.example.vn`;
    const site = await agency.api.post<{ publishableKey: string }>('/v1/sites', {
      name: 'Tin Nhanh',
      domain: siteDomain,
    });
    expect(site.status).toBe(201);
    readerPage = new Api(gatewayUrl, { siteKey: site.body.publishableKey });
    paywall = new Api(suite.instances('paywall')[0].get(PublicDecisionServer).url).as({
      siteKey: site.body.publishableKey,
    });
    const policies = await agency.api.send('PUT', '/v1/paywall/policies', {
      policies: [{ name: 'Subscribers only', active: true, rule: { kind: 'hard' } }],
    });
    expect(policies.status).toBe(200);
  });

  afterAll(async () => {
    await suite?.close();
    await Promise.all([momo, stripe].map((fake) => fake?.close()));
  });

  const readerToken = async (readerId: string) => {
    const issued = await agency.api.post<{ token: string }>('/v1/paywall/reader-tokens', { readerId });
    expect(issued.status).toBe(201);
    return issued.body.token;
  };
  const decide = async (token: string) =>
    paywall.post<Answer & Problem>('/v1/paywall/decisions', { articleId: ARTICLE, readerToken: token });

  it('refuses a rail offer the rail checkout could not sell, naming the field, and keeps the offers as they were', async () => {
    const before = await agency.api.get<OfferSetView>('/v1/paywall/offers');
    const offer = (fields: Record<string, unknown>) => ({ name: 'Broken', planIds: [planId], copy, ...fields });
    const refusedFields = async (offers: Record<string, unknown>[]) => {
      const response = await agency.api.send<Problem>('PUT', '/v1/paywall/offers', { offers });
      expect(response.status).toBe(400);
      return response.body.errors?.map((e) => e.field);
    };
    expect(
      await refusedFields([offer({ checkout: 'rails', rails: ['momo', 'visa'] }), offer({ checkout: 'card' })]),
    ).toEqual(['offers[0].rails', 'offers[1].checkout']);
    expect(
      await refusedFields([
        offer({ checkout: 'rails', couponCode: 'NAM2026' }),
        offer({ rails: ['momo'] }),
        offer({ checkout: 'stripe', rails: ['momo'] }),
      ]),
    ).toEqual(['offers[0].couponCode', 'offers[1].rails', 'offers[2].rails']);
    // Plans a rail checkout would refuse (a trial) or no rail could take (not VND).
    expect(
      await refusedFields([
        offer({ checkout: 'rails', planIds: [planId, trialPlanId] }),
        offer({ checkout: 'rails', planIds: [dollarPlanId] }),
        offer({ planIds: [trialPlanId, dollarPlanId] }),
      ]),
    ).toEqual(['offers[0].planIds[1]', 'offers[1].planIds[0]']);
    expect((await agency.api.get<OfferSetView>('/v1/paywall/offers')).body).toEqual(before.body);
  });

  it("sends a reader from the offer to the pay page, and counts the subscription paid there as the offer's conversion", async () => {
    const saved = await agency.api.send<OfferSetView>('PUT', '/v1/paywall/offers', {
      offers: [{ name: 'MoMo monthly', planIds: [planId], copy, checkout: 'rails', rails: ['momo'] }],
    });
    expect(saved.status).toBe(200);
    const [offer] = saved.body.offers;
    expect(offer).toMatchObject({ checkout: 'rails', rails: ['momo'], couponCode: null });

    const readerId = 'doc-gia-momo';
    const token = await readerToken(readerId);
    const answer = await eventually(async () => {
      const decided = await decide(token);
      expect(decided.body).toMatchObject({ access: 'block', segment: 'registered', offer: { id: offer.id } });
      return decided.body;
    });
    expect(answer.offer).toEqual({
      id: offer.id,
      ...copy.vi,
      planIds: [planId],
      couponCode: null,
      checkout: 'rails',
      rails: ['momo'],
    });

    // What the snippet does on the button: a rail checkout with the site key, then off to the pay page.
    const articleUrl = `https://${siteDomain}/${ARTICLE}`;
    const checkout = await readerPage.post<RailCheckoutView & Problem>('/v1/subscriptions/rail-checkouts', {
      planId: answer.offer!.planIds[0],
      reference: answer.checkoutReference,
      readerId,
      readerToken: token,
      rails: answer.offer!.rails,
      returnUrl: articleUrl,
    });
    expect(checkout.status).toBe(201);
    const { subscriptionId, paymentId, payPageUrl } = checkout.body;
    const payPage = new URL(payPageUrl!);
    expect(payPage.pathname).toBe(`/pay/${agency.tenantId}/${paymentId}`);
    // The link names the gateway's public address; this test reaches the same gateway locally.
    const page = await fetch(`${gateway.baseUrl}${payPage.pathname}${payPage.search}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('MoMo');

    // The payer picks MoMo on the page and pays.
    const attempt = await gateway.post<PaymentAttemptView>(`${payPage.pathname}/attempts`, {
      token: payPage.searchParams.get('token'),
      rail: 'momo',
      locale: 'vi',
    });
    expect(attempt.status).toBe(200);
    await momo.pay(attempt.body);

    await eventually(async () => {
      const subscription = await agency.api.get<ReaderSubscriptionView>(
        `/v1/subscriptions/subscriptions/${subscriptionId}`,
      );
      expect(subscription.body).toMatchObject({ status: 'active', reference: answer.checkoutReference });
    });
    await eventually(async () =>
      expect((await decide(token)).body).toMatchObject({ access: 'allow', segment: 'subscriber', offer: null }),
    );

    const conversions = await eventually(async () => {
      const listed = await agency.api.get<ConversionListResponse>('/v1/paywall/conversions');
      expect(listed.body.items.find((c) => c.subscriptionId === subscriptionId)?.revenue).toBe('99000');
      return listed.body.items;
    });
    expect(conversions).toEqual([
      {
        subscriptionId,
        planId,
        articleId: ARTICLE,
        offerId: offer.id,
        experimentId: null,
        arm: null,
        revenue: '99000',
        currency: 'VND',
        convertedAt: expect.any(String),
      },
    ]);
  });
});
