import { randomUUID } from 'node:crypto';
import {
  EventEnvelope,
  ExperimentResultsView,
  ExperimentView,
  InvoicePaidEvent,
  OfferSetView,
  PolicySetView,
  SubscriptionChangedEvent,
} from '@libs/contracts';
import { eventually } from '@libs/testing';
import { PublicDecisionServer } from '../apps/paywall/src/public-decisions/public-decision-server';
import { FakeStripe, startFakeStripe } from './stripe-fake';
import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { JetStreamProbe } from './support/jetstream';
import { createMonthlyPlan, linkStripe } from './support/subscription-fixtures';
import { TestSuite } from './support/test-suite';

interface Answer {
  access: string;
  remaining: number | null;
  policyId: string | null;
  offer: {
    id: string;
    headline: string;
    body: string;
    cta: string;
    planIds: string[];
    couponCode: string | null;
    checkout: string;
    rails: string[] | null;
  } | null;
  variant: { experimentId: string; arm: string } | null;
  checkoutReference: string | null;
  meterToken: string | null;
}
interface Problem {
  status: number;
  errors?: { field: string; message: string }[];
}

const copy = (name: string) => ({
  vi: { headline: `Đăng ký ${name}`, body: 'Đọc không giới hạn mọi bài viết.', cta: 'Đăng ký ngay' },
  en: { headline: `Subscribe ${name}`, body: 'Read every article, without limits.', cta: 'Subscribe now' },
});

describe('paywall offers, experiments and conversions', () => {
  let fake: FakeStripe;
  let suite: TestSuite;
  let probe: JetStreamProbe;
  let monthlyPlanId: string;
  let yearlyPlanId: string;
  let otherAgencysPlanId: string;
  let agency: TestAgency;
  let other: TestAgency;
  let siteKey: string;
  let paywall: Api;
  let offers: OfferSetView;
  let meteredPolicyId: string;

  const decide = (body: Record<string, unknown>) =>
    paywall.as({ siteKey }).post<Answer & Problem>('/v1/paywall/decisions', body);
  const publish = <T>(type: string, subject: string, data: T) => {
    const envelope: EventEnvelope<T> = {
      id: randomUUID(),
      type,
      source: 'subscriptions',
      tenantId: agency.tenantId,
      time: new Date().toISOString(),
      subject,
      dataVersion: '1',
      data,
    };
    return probe.publish(envelope);
  };
  const createExperiment = async (body: Record<string, unknown>) => {
    const created = await agency.api.post<ExperimentView>('/v1/paywall/experiments', body);
    expect(created.status).toBe(201);
    const started = await agency.api.post<ExperimentView>(
      `/v1/paywall/experiments/${created.body.id}/start`,
      undefined,
    );
    expect(started.body).toMatchObject({ status: 'running', version: 2 });
    return started.body;
  };

  beforeAll(async () => {
    fake = await startFakeStripe();
    // One reweighing period a day: no period ends while a test looks at which arm a reader keeps.
    suite = await TestSuite.start(['gateway', 'paywall', 'subscriptions', 'payments'], {
      STRIPE_API_URL: fake.url,
      PAYWALL_THOMPSON_REWEIGH_S: '86400',
    });
    probe = await JetStreamProbe.connect(suite.nats.url);
    const gateway = new Api(await suite.gatewayUrl());
    [agency, other] = [
      await createAgency(gateway, suite.operatorToken),
      await createAgency(gateway, suite.operatorToken),
    ];
    // Offers sell the agency's real plans and promotion codes.
    const linked = await linkStripe(agency, fake, gateway.baseUrl);
    monthlyPlanId = (await createMonthlyPlan(linked)).planId;
    yearlyPlanId = (await createMonthlyPlan(linked, { name: 'Hằng năm', interval: 'year', unitAmount: '990000' }))
      .planId;
    expect(
      (
        await agency.api.post('/v1/subscriptions/coupons', {
          name: 'Năm 2026',
          percentOff: 20,
          duration: 'once',
          code: 'NAM2026',
        })
      ).status,
    ).toBe(201);
    otherAgencysPlanId = (await createMonthlyPlan(await linkStripe(other, fake, gateway.baseUrl))).planId;
    const site = await agency.api.post<{ publishableKey: string }>('/v1/sites', {
      name: 'Tin Nhanh',
      domain: `${agency.slug}.example.vn`,
    });
    siteKey = site.body.publishableKey;
    paywall = new Api(suite.instances('paywall')[0].get(PublicDecisionServer).url);
    const premium = await agency.api.put('/v1/paywall/articles/doc-quyen-1', {
      url: `https://${agency.slug}.example.vn/doc-quyen-1`,
      accessLevel: 'premium',
      section: 'kinh-te',
      tags: [],
    });
    expect(premium.status).toBe(200);
    await eventually(async () => expect((await decide({ articleId: 'doc-quyen-1' })).body.access).toBe('block'));
    const policies = await agency.api.get<PolicySetView>('/v1/paywall/policies');
    meteredPolicyId = policies.body.policies.find((p) => p.rule.kind === 'metered')!.id;
    const replaced = await agency.api.send<OfferSetView>('PUT', '/v1/paywall/offers', {
      offers: [
        { name: 'Monthly', planIds: [monthlyPlanId], copy: copy('tháng') },
        {
          name: 'Yearly with a coupon',
          planIds: [yearlyPlanId, monthlyPlanId],
          couponCode: 'NAM2026',
          copy: copy('năm'),
          appliesTo: ['block'],
        },
      ],
    });
    expect(replaced.status).toBe(200);
    offers = replaced.body;
  });

  afterAll(async () => {
    await probe?.close();
    await suite?.close();
    await fake?.close();
  });

  it('refuses offers whose plans or promotion code checkout would refuse, naming the field, and keeps the offers as they were', async () => {
    const offer = (planIds: string[], couponCode?: string) => ({
      name: 'Broken',
      planIds,
      couponCode,
      copy: copy('x'),
    });
    const refused = await agency.api.send<Problem>('PUT', '/v1/paywall/offers', {
      offers: [
        offer([monthlyPlanId, randomUUID()]),
        offer([otherAgencysPlanId], 'NAM2026'),
        offer([yearlyPlanId], 'KHONGCO'),
      ],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.map((e) => e.field)).toEqual([
      'offers[0].planIds[1]',
      'offers[1].planIds[0]',
      'offers[2].couponCode',
    ]);
    expect((await agency.api.get<OfferSetView>('/v1/paywall/offers')).body).toEqual(offers);
  });

  it('shows the first offer that applies to a paywall, in the agency’s language or the one asked for, and none on open articles', async () => {
    await eventually(async () =>
      expect((await decide({ articleId: 'doc-quyen-1' })).body.offer?.id).toBe(offers.offers[0].id),
    );
    const vietnamese = await decide({ articleId: 'doc-quyen-1' });
    expect(vietnamese.body.offer).toEqual({
      id: offers.offers[0].id,
      ...copy('tháng').vi,
      planIds: [monthlyPlanId],
      couponCode: null,
      checkout: 'stripe',
      rails: null,
    });
    expect(vietnamese.body.variant).toBeNull();
    expect(vietnamese.body.checkoutReference).toMatch(/^pw1\.[A-Za-z0-9_-]+$/);
    expect((await decide({ articleId: 'doc-quyen-1', lang: 'en' })).body.offer?.headline).toBe('Subscribe tháng');
    const metered = await decide({ articleId: 'tin-mo-1' });
    expect(metered.body).toMatchObject({ access: 'meter', offer: null, checkoutReference: expect.any(String) });
  });

  it('refuses bad experiments and decision input with 400 naming the field', async () => {
    const arm = (name: string, extra: object) => ({ name, ...extra });
    const offerArms = [arm('a', { offerId: offers.offers[0].id }), arm('b', { offerId: offers.offers[1].id })];
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'x', target: 'offer', allocation: 'split', arms: [offerArms[0]] }, 'arms'],
      [
        { name: 'x', target: 'offer', allocation: 'split', arms: [offerArms[0], { ...offerArms[1], weight: 0 }] },
        'arms[1].weight',
      ],
      [
        { name: 'x', target: 'offer', allocation: 'split', arms: [offerArms[0], arm('b', { offerId: randomUUID() })] },
        'arms[1].offerId',
      ],
      [
        {
          name: 'x',
          target: 'meter-limit',
          allocation: 'thompson',
          arms: [arm('a', { limit: 1 }), arm('b', { limit: 3 })],
        },
        'policyId',
      ],
      [
        {
          name: 'x',
          target: 'meter-limit',
          policyId: offers.offers[0].id,
          allocation: 'split',
          arms: [arm('a', { limit: 1 }), arm('b', { limit: 3 })],
        },
        'policyId',
      ],
      [{ name: 'x', target: 'offer', allocation: 'bandit', arms: offerArms }, 'allocation'],
    ];
    for (const [body, field] of cases) {
      const response = await agency.api.post<Problem>('/v1/paywall/experiments', body);
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect(response.body.errors?.map((e) => e.field)).toContain(field);
    }
    const badLang = await decide({ articleId: 'doc-quyen-1', lang: 'fr' });
    expect(badLang.status).toBe(400);
    expect(badLang.body.errors?.map((e) => e.field)).toEqual(['lang']);
    expect((await agency.api.get<{ items: unknown[] }>('/v1/paywall/experiments')).body.items).toEqual([]);
  });

  it('splits readers between offers, attributes a subscription to the arm, and reports conversions and revenue', async () => {
    const experiment = await createExperiment({
      name: 'Monthly or yearly',
      target: 'offer',
      allocation: 'split',
      arms: [
        { name: 'monthly', offerId: offers.offers[0].id },
        { name: 'yearly', offerId: offers.offers[1].id, weight: 1 },
      ],
    });
    const shown = { monthly: 0, yearly: 0 } as Record<string, number>;
    let converting: Answer | null = null;
    await eventually(async () => {
      const first = (await decide({ articleId: 'doc-quyen-1', anonymousId: 'reader-00' })).body;
      expect(first.variant).not.toBeNull();
      shown[first.variant!.arm] += 1;
    });
    for (let i = 1; i <= 30; i++) {
      const answer = (await decide({ articleId: 'doc-quyen-1', anonymousId: `reader-${String(i).padStart(2, '0')}` }))
        .body;
      expect(answer.variant?.experimentId).toBe(experiment.id);
      // A reader keeps their arm: asking again gives the same one.
      const again = (await decide({ articleId: 'doc-quyen-1', anonymousId: `reader-${String(i).padStart(2, '0')}` }))
        .body;
      expect(again.variant).toEqual(answer.variant);
      expect(answer.offer?.id).toBe(answer.variant!.arm === 'monthly' ? offers.offers[0].id : offers.offers[1].id);
      shown[answer.variant!.arm] += 2;
      if (answer.variant!.arm === 'yearly') converting ??= answer;
    }
    expect(shown.monthly).toBeGreaterThan(0);
    expect(converting?.offer?.couponCode).toBe('NAM2026');

    const subscriptionId = randomUUID();
    const changed: SubscriptionChangedEvent = {
      subscriptionId,
      readerKey: 'reader:r-1',
      planId: yearlyPlanId,
      status: 'active',
      previousStatus: null,
      currentPeriodEnd: new Date(Date.now() + 365 * 86_400_000).toISOString(),
      reference: converting!.checkoutReference,
    };
    await publish('evt.subscriptions.subscription.changed.v1', subscriptionId, changed);
    // The same subscription changing again is not a second conversion.
    await publish('evt.subscriptions.subscription.changed.v1', subscriptionId, {
      ...changed,
      previousStatus: 'active',
    });
    const paid: InvoicePaidEvent = {
      subscriptionId,
      planId: yearlyPlanId,
      priceId: randomUUID(),
      providerInvoiceId: 'in_1',
      providerChargeId: 'ch_1',
      providerBalanceTransactionId: null,
      currency: 'VND',
      amountPaid: '990000',
      tax: '90000',
      providerFee: '0',
      servicePeriodStart: new Date().toISOString(),
      servicePeriodEnd: new Date(Date.now() + 365 * 86_400_000).toISOString(),
      paidAt: new Date().toISOString(),
    };
    await publish('evt.subscriptions.invoice.paid.v1', subscriptionId, paid);
    // Delivered twice: counted once.
    await publish('evt.subscriptions.invoice.paid.v1', subscriptionId, paid);

    await eventually(async () => {
      const results = await agency.api.get<ExperimentResultsView>(`/v1/paywall/experiments/${experiment.id}/results`);
      expect(results.status).toBe(200);
      const yearly = results.body.arms.find((a) => a.arm === 'yearly')!;
      const monthly = results.body.arms.find((a) => a.arm === 'monthly')!;
      expect(yearly).toMatchObject({ impressions: shown.yearly, conversions: 1, revenue: '990000' });
      expect(monthly).toMatchObject({ impressions: shown.monthly, conversions: 0, revenue: '0' });
      expect(yearly.revenuePerThousandDecisions).toBe(((990000n * 1000n) / BigInt(shown.yearly)).toString());
      expect(yearly.conversionRate).toBeCloseTo(1 / shown.yearly, 12);
      expect(yearly.credibleInterval.low).toBeLessThan(yearly.conversionRate);
      expect(yearly.credibleInterval.high).toBeGreaterThan(yearly.conversionRate);
      expect(yearly.probabilityBest + monthly.probabilityBest).toBeCloseTo(1, 10);
      expect(results.body.currency).toBe('VND');
    });
    const conversions = await agency.api.get<{ items: unknown[] }>(
      `/v1/paywall/conversions?from=${new Date(Date.now() - 3_600_000).toISOString()}`,
    );
    expect(conversions.body.items).toEqual([
      {
        subscriptionId,
        planId: yearlyPlanId,
        articleId: 'doc-quyen-1',
        offerId: offers.offers[1].id,
        experimentId: experiment.id,
        arm: 'yearly',
        revenue: '990000',
        currency: 'VND',
        convertedAt: expect.any(String),
      },
    ]);
    expect(
      (
        await agency.api.get<{ items: unknown[] }>(
          `/v1/paywall/conversions?to=${new Date(Date.now() - 3_600_000).toISOString()}`,
        )
      ).body.items,
    ).toEqual([]);
    expect(
      (await agency.api.get<Problem>('/v1/paywall/conversions?from=yesterday')).body.errors?.map((e) => e.field),
    ).toEqual(['from']);

    const stopped = await agency.api.post<ExperimentView>(`/v1/paywall/experiments/${experiment.id}/stop`, undefined);
    expect(stopped.body.status).toBe('stopped');
    await eventually(async () =>
      expect((await decide({ articleId: 'doc-quyen-1', anonymousId: 'reader-01' })).body.variant).toBeNull(),
    );
    expect(
      (
        await agency.api.send<Problem>('PUT', `/v1/paywall/experiments/${experiment.id}`, {
          name: 'again',
          target: 'offer',
          allocation: 'split',
          arms: [],
        })
      ).status,
    ).toBe(400);
    expect((await agency.api.post<Problem>(`/v1/paywall/experiments/${experiment.id}/start`, undefined)).status).toBe(
      409,
    );
  });

  it('varies a meter’s limit per arm, adaptively, and says which arm decided', async () => {
    const experiment = await createExperiment({
      name: 'Meter of one or three',
      target: 'meter-limit',
      policyId: meteredPolicyId,
      allocation: 'thompson',
      objective: 'revenue',
      arms: [
        { name: 'one', limit: 1 },
        { name: 'three', limit: 3 },
      ],
    });
    await eventually(async () =>
      expect((await decide({ articleId: 'tin-mo-2' })).body.variant?.experimentId).toBe(experiment.id),
    );
    for (let i = 0; i < 10; i++) {
      const answer = (await decide({ articleId: `tin-mo-${i}` })).body;
      expect(answer).toMatchObject({
        access: 'meter',
        policyId: meteredPolicyId,
        variant: { experimentId: experiment.id },
      });
      expect(answer.remaining).toBe(answer.variant!.arm === 'one' ? 0 : 2);
    }
    // A reader keeps their arm from page to page.
    const first = (await decide({ articleId: 'tin-mo-20', anonymousId: 'reader-keeps-arm' })).body.variant!.arm;
    for (let page = 21; page < 26; page++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect((await decide({ articleId: `tin-mo-${page}`, anonymousId: 'reader-keeps-arm' })).body.variant!.arm).toBe(
        first,
      );
    }
  });

  it('answers another agency’s experiment with 404', async () => {
    const mine = (await agency.api.get<{ items: ExperimentView[] }>('/v1/paywall/experiments')).body.items[0];
    for (const path of [`/v1/paywall/experiments/${mine.id}`, `/v1/paywall/experiments/${mine.id}/results`]) {
      expect((await other.api.get(path)).status).toBe(404);
    }
    expect((await other.api.post(`/v1/paywall/experiments/${mine.id}/stop`, undefined)).status).toBe(404);
    expect((await agency.api.get<ExperimentView>(`/v1/paywall/experiments/${mine.id}`)).body.status).toBe('running');
  });
});
