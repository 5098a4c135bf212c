import { randomUUID } from 'node:crypto';
import {
  EventEnvelope,
  SubscriptionChanged,
  SubscriptionChangedEvent,
  SubscriptionMetricsResponse,
  SubscriptionMonthMetrics,
} from '@libs/contracts';
import { eventually } from '@libs/testing';
import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { seededRandom, shuffle } from './support/finance-events';
import { JetStreamProbe } from './support/jetstream';
import { TestSuite } from './support/test-suite';

interface Change {
  subscription: string;
  at: string;
  status: SubscriptionChangedEvent['status'];
  unitAmount: string;
  intervalMonths?: number;
  currency?: string;
}

interface Problem {
  status: number;
  errors?: { field: string }[];
}

const METRICS = '/v1/finance/reports/subscription-metrics';

describe('subscription metrics: MRR bridge, ARR, churn and ARPU per month', () => {
  let suite: TestSuite;
  let api: Api;
  let probe: JetStreamProbe;
  let agency: TestAgency;
  let other: TestAgency;
  const ids = { a: randomUUID(), b: randomUUID(), c: randomUUID(), d: randomUUID(), e: randomUUID() };

  const envelope = (tenantId: string, change: Change): EventEnvelope<SubscriptionChangedEvent> => ({
    id: randomUUID(),
    type: SubscriptionChanged.subject,
    source: 'subscriptions',
    tenantId,
    time: change.at,
    subject: change.subscription,
    dataVersion: '1',
    data: {
      subscriptionId: change.subscription,
      readerKey: `reader:${change.subscription}`,
      planId: randomUUID(),
      status: change.status,
      previousStatus: null,
      currentPeriodEnd: change.at,
      reference: null,
      priceId: randomUUID(),
      currency: change.currency ?? 'VND',
      unitAmount: change.unitAmount,
      intervalMonths: change.intervalMonths ?? 1,
    },
  });

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'finance']);
    api = new Api(await suite.gatewayUrl());
    probe = await JetStreamProbe.connect(suite.nats.url);
    [agency, other] = [await createAgency(api, suite.operatorToken), await createAgency(api, suite.operatorToken)];
    await eventually(async () =>
      expect((await agency.api.get<{ items: unknown[] }>('/v1/finance/accounts')).body.items?.length).toBeGreaterThan(
        0,
      ),
    );
    const changes: Change[] = [
      { subscription: ids.a, at: '2026-01-05T03:00:00.000Z', status: 'active', unitAmount: '99000' },
      { subscription: ids.b, at: '2026-01-10T03:00:00.000Z', status: 'trialing', unitAmount: '99000' },
      { subscription: ids.b, at: '2026-01-17T03:00:00.000Z', status: 'active', unitAmount: '99000' },
      // Yearly: 1,000,000 VND is 83,333 VND a month.
      {
        subscription: ids.c,
        at: '2026-01-20T03:00:00.000Z',
        status: 'active',
        unitAmount: '1000000',
        intervalMonths: 12,
      },
      // 18:30 UTC on 31 January is 1 February in Hanoi: a February subscription.
      { subscription: ids.d, at: '2026-01-31T18:30:00.000Z', status: 'active', unitAmount: '99000' },
      { subscription: ids.b, at: '2026-02-10T03:00:00.000Z', status: 'active', unitAmount: '149000' },
      { subscription: ids.a, at: '2026-02-20T03:00:00.000Z', status: 'canceled', unitAmount: '99000' },
      { subscription: ids.e, at: '2026-02-03T03:00:00.000Z', status: 'active', unitAmount: '900', currency: 'USD' },
      {
        subscription: ids.c,
        at: '2026-03-05T03:00:00.000Z',
        status: 'past_due',
        unitAmount: '1000000',
        intervalMonths: 12,
      },
      { subscription: ids.b, at: '2026-03-10T03:00:00.000Z', status: 'active', unitAmount: '99000' },
    ];
    // Out of order, and one delivered twice: the history, not the arrival, decides.
    const envelopes = shuffle(
      changes.map((change) => envelope(agency.tenantId, change)),
      seededRandom(7),
    );
    for (const sent of [...envelopes, envelopes[0]]) await probe.publish(sent);
    await eventually(async () => {
      const months = (await agency.api.get<SubscriptionMetricsResponse>(`${METRICS}?from=2026-03&to=2026-03`)).body
        .months;
      expect(months?.find((m) => m.currency === 'VND')?.contractionMrr).toBe('50000');
    });
  });

  afterAll(async () => {
    await probe?.close();
    await suite?.close();
  });

  it('bridges MRR month by month in the agency’s calendar: new, expansion, contraction, churn', async () => {
    const response = await agency.api.get<SubscriptionMetricsResponse>(`${METRICS}?from=2026-01&to=2026-03`);
    expect(response.status).toBe(200);
    const row = (month: string, currency: string) =>
      response.body.months.find((m) => m.month === month && m.currency === currency);
    expect(response.body.months.map((m) => `${m.month} ${m.currency}`)).toEqual([
      '2026-01 USD',
      '2026-01 VND',
      '2026-02 USD',
      '2026-02 VND',
      '2026-03 USD',
      '2026-03 VND',
    ]);
    expect(row('2026-01', 'VND')).toEqual<SubscriptionMonthMetrics>({
      month: '2026-01',
      currency: 'VND',
      activeAtStart: 0,
      newSubscriptions: 3,
      churnedSubscriptions: 0,
      activeAtEnd: 3,
      churnRate: null,
      mrrAtStart: '0',
      newMrr: '281333',
      expansionMrr: '0',
      contractionMrr: '0',
      churnedMrr: '0',
      mrrAtEnd: '281333',
      arr: '3375996',
      arpu: '93778',
    });
    expect(row('2026-02', 'VND')).toEqual<SubscriptionMonthMetrics>({
      month: '2026-02',
      currency: 'VND',
      activeAtStart: 3,
      newSubscriptions: 1,
      churnedSubscriptions: 1,
      activeAtEnd: 3,
      churnRate: 0.3333,
      mrrAtStart: '281333',
      newMrr: '99000',
      expansionMrr: '50000',
      contractionMrr: '0',
      churnedMrr: '99000',
      mrrAtEnd: '331333',
      arr: '3975996',
      arpu: '110444',
    });
    // Past due still bills; a downgrade is contraction.
    expect(row('2026-03', 'VND')).toMatchObject({
      activeAtStart: 3,
      activeAtEnd: 3,
      churnedSubscriptions: 0,
      contractionMrr: '50000',
      mrrAtEnd: '281333',
    });
    expect(row('2026-01', 'USD')).toMatchObject({ activeAtEnd: 0, mrrAtEnd: '0', arpu: null });
    expect(row('2026-02', 'USD')).toMatchObject({ newSubscriptions: 1, mrrAtEnd: '900', arpu: '900' });
    for (const month of response.body.months) {
      const bridged =
        BigInt(month.mrrAtStart) +
        BigInt(month.newMrr) +
        BigInt(month.expansionMrr) -
        BigInt(month.contractionMrr) -
        BigInt(month.churnedMrr);
      expect(bridged).toBe(BigInt(month.mrrAtEnd));
    }
  });

  it('exports the same rows as CSV', async () => {
    const response = await fetch(`${api.baseUrl}${METRICS}?from=2026-02&to=2026-02&format=csv`, {
      headers: { authorization: `Bearer ${agency.adminKey}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain('subscription-metrics-2026-02-2026-02.csv');
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'month,currency,activeAtStart,newSubscriptions,churnedSubscriptions,activeAtEnd,churnRate,mrrAtStart,newMrr,expansionMrr,contractionMrr,churnedMrr,mrrAtEnd,arr,arpu',
    );
    expect(lines.slice(1)).toEqual([
      '2026-02,USD,0,1,0,1,,0,900,0,0,0,900,10800,900',
      '2026-02,VND,3,1,1,3,0.3333,281333,99000,50000,0,99000,331333,3975996,110444',
    ]);
  });

  it('refuses bad months naming the field', async () => {
    for (const [query, field] of [
      ['from=2026-13&to=2026-12', 'from'],
      ['from=2026-05&to=2026-04', 'to'],
      ['from=2023-01&to=2026-12', 'to'],
      ['from=2026-01', 'to'],
      ['from=2026-01&to=2026-02&format=xlsx', 'format'],
    ]) {
      const response = await agency.api.get<Problem>(`${METRICS}?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.errors?.map((e) => e.field)).toContain(field);
    }
  });

  it('shows an agency only its own subscriptions, and only to finance staff', async () => {
    expect(
      (await other.api.get<SubscriptionMetricsResponse>(`${METRICS}?from=2026-01&to=2026-03`)).body.months,
    ).toEqual([]);
    const editorKey = await agency.api.post<{ secret: string }>('/v1/api-keys', {
      name: 'newsroom',
      roles: ['editor'],
    });
    expect((await api.as({ bearer: editorKey.body.secret }).get(`${METRICS}?from=2026-01&to=2026-03`)).status).toBe(
      403,
    );
  });
});
