import { randomUUID } from 'node:crypto';
import {
  DeferredRevenueResponse,
  encodeCheckoutReference,
  RevenueByArticleResponse,
  RevenueReportResponse,
  SubscriptionChanged,
  TrialBalanceResponse,
} from '@libs/contracts';
import { eventually } from '@libs/testing';
import { RecognitionRunService } from '../apps/finance/src/recognition/recognition-run.service';
import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { envelopeOf, FinanceEventDelivery } from './support/finance-events';
import { JetStreamProbe } from './support/jetstream';
import {
  agreementActivated,
  bookingInvoiced,
  bookingPaid,
  deliveryRecorded,
  makeAgreement,
  makeBooking,
  makeGoodCredited,
  usageCharged,
} from './support/partner-money-events';
import { finalized, makeInvoice, paid } from './support/subscription-money-events';
import { TestSuite } from './support/test-suite';

interface Problem {
  status: number;
  errors?: { field: string }[];
}

const REVENUE = '/v1/finance/reports/revenue';

/**
 * One agency's October 2026 in Hanoi: a 99,000 VND subscription invoice (9,000 VAT) for 1-30
 * October; an 11,000,000 VND booking (1,000,000 VAT) invoiced in September, delivered for
 * 4,000,000 on 1 October, paid by bank transfer, credited 500,000 for under-delivery; a licence of
 * 33,000,000 VND (3,000,000 VAT) for 2026 and a usage of 1,100,000 (100,000 VAT). Recognition
 * runs as on the morning of 16 October: through the 15th.
 */
describe('revenue reports: billed, collected, recognized; deferred revenue and its waterfall', () => {
  let suite: TestSuite;
  let api: Api;
  let probe: JetStreamProbe;
  let events: FinanceEventDelivery;
  let agency: TestAgency;
  let other: TestAgency;
  const booking = { ...makeBooking('') };
  const agreement = { ...makeAgreement('') };

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'finance']);
    api = new Api(await suite.gatewayUrl());
    probe = await JetStreamProbe.connect(suite.nats.url);
    events = new FinanceEventDelivery(suite, probe);
    [agency, other] = [await createAgency(api, suite.operatorToken), await createAgency(api, suite.operatorToken)];
    for (const who of [agency, other]) {
      await eventually(async () =>
        expect((await who.api.get<{ items: unknown[] }>('/v1/finance/accounts')).body.items?.length).toBeGreaterThan(0),
      );
    }
    Object.assign(booking, { tenantId: agency.tenantId });
    Object.assign(agreement, { tenantId: agency.tenantId });
    const invoice = makeInvoice(agency.tenantId);
    await events.deliver([finalized(invoice), paid(invoice), bookingInvoiced(booking), agreementActivated(agreement)]);
    await events.deliver([
      deliveryRecorded(booking, '2026-10-01', 4_000_000n),
      bookingPaid(booking, 11_000_000n, 'bank', '2026-10-05T03:00:00.000Z'),
      makeGoodCredited(booking, 500_000n, '2026-10-20T03:00:00.000Z'),
      usageCharged(agreement, randomUUID(), '2026-10-10T03:00:00.000Z'),
    ]);
    await suite
      .instances('finance')[0]
      .get(RecognitionRunService)
      .recognizeAgency(agency.tenantId, new Date('2026-10-16T00:00:00.000Z'));
  });

  afterAll(async () => {
    await probe?.close();
    await suite?.close();
  });

  it('gives billed (net of VAT), collected (fees included) and recognized revenue per month and stream', async () => {
    const report = await agency.api.get<RevenueReportResponse>(`${REVENUE}?from=2026-09&to=2026-10`);
    expect(report.status).toBe(200);
    expect(report.body.groupedBy).toBe('stream');
    expect(report.body.rows.map((r) => [r.month, r.stream, r.currency, r.billed, r.collected, r.recognized])).toEqual([
      ['2026-09', 'advertising', 'VND', '10000000', '0', '0'],
      // The licence's September, caught up by the run: floor(30M × 273/365) − floor(30M × 243/365).
      ['2026-09', 'licensing', 'VND', '0', '0', '2465754'],
      // Billed less the make-good credit; the bank transfer; the day delivered.
      ['2026-10', 'advertising', 'VND', '-500000', '11000000', '4000000'],
      // The usage, billed and earned at once; the licence's 1-15 October: floor(30M × 288/365) − floor(30M × 273/365) = 1,232,876.
      ['2026-10', 'licensing', 'VND', '1000000', '0', '2232876'],
      // 90,000 over 30 days, 15 of them recognized.
      ['2026-10', 'subscriptions', 'VND', '90000', '99000', '45000'],
    ]);
  });

  it('breaks advertising down by ad unit and licensing by licensee, and filters by stream', async () => {
    const byUnit = await agency.api.get<RevenueReportResponse>(
      `${REVENUE}?from=2026-10&to=2026-10&by=product&stream=advertising`,
    );
    expect(byUnit.body.rows).toEqual([
      {
        month: '2026-10',
        stream: 'advertising',
        key: booking.adUnitId,
        currency: 'VND',
        billed: '-500000',
        collected: '11000000',
        recognized: '4000000',
      },
    ]);
    const byLicensee = await agency.api.get<RevenueReportResponse>(
      `${REVENUE}?from=2026-01&to=2026-12&by=counterparty&stream=licensing`,
    );
    const rows = byLicensee.body.rows;
    expect(new Set(rows.map((r) => r.key))).toEqual(new Set([agreement.licenseeId]));
    // The licence is billed in January (1 January in Hanoi), and recognized month by month through 15 October.
    expect(rows.find((r) => r.month === '2026-01')).toMatchObject({
      billed: '30000000',
      recognized: String((30_000_000n * 31n) / 365n),
    });
    const recognized = rows.reduce((sum, r) => sum + BigInt(r.recognized), 0n);
    expect(recognized).toBe((30_000_000n * 288n) / 365n + 1_000_000n);
  });

  it('shows deferred revenue by stream with the month it will be recognized in, adding up to the ledger', async () => {
    const deferred = await agency.api.get<DeferredRevenueResponse>('/v1/finance/reports/deferred-revenue?months=3');
    expect(deferred.status).toBe(200);
    const line = (stream: string) => deferred.body.lines.find((l) => l.stream === stream)!;
    // Deliveries still to come: 10,000,000 − 4,000,000 delivered − 500,000 credited.
    expect(line('advertising')).toMatchObject({ remaining: '5500000', onDelivery: '5500000', later: '0' });
    // The run stopped at 15 October: what is past is due in the current month, the rest month by month.
    const months = deferred.body.lines[0].byMonth.map((m) => m.month);
    expect(months).toEqual([deferred.body.asOf.slice(0, 7), ...months.slice(1)]);
    for (const stream of ['licensing', 'subscriptions']) {
      const { remaining, byMonth, later, onDelivery, awaitingService } = line(stream);
      expect(
        byMonth.reduce((sum, m) => sum + BigInt(m.amount), 0n) +
          BigInt(later) +
          BigInt(onDelivery) +
          BigInt(awaitingService),
      ).toBe(BigInt(remaining));
    }
    expect(line('subscriptions').remaining).toBe('45000');
    expect(line('licensing').remaining).toBe(String(30_000_000n - (30_000_000n * 288n) / 365n));
    const total = deferred.body.lines.reduce((sum, l) => sum + BigInt(l.remaining), 0n);
    expect(deferred.body.ledger).toEqual([{ currency: 'VND', balance: String(total) }]);
  });

  it('exports the revenue rows as CSV', async () => {
    const response = await fetch(`${api.baseUrl}${REVENUE}?from=2026-10&to=2026-10&format=csv`, {
      headers: { authorization: `Bearer ${agency.adminKey}` },
    });
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect((await response.text()).trim().split('\r\n')).toEqual([
      'month,stream,key,currency,billed,collected,recognized',
      '2026-10,advertising,,VND,-500000,11000000,4000000',
      '2026-10,licensing,,VND,1000000,0,2232876',
      '2026-10,subscriptions,,VND,90000,99000,45000',
    ]);
  });

  it('exports the deferred revenue waterfall and the trial balance as CSV, the same figures as their JSON', async () => {
    const csv = async (path: string) => {
      const response = await fetch(`${api.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${agency.adminKey}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      return {
        disposition: response.headers.get('content-disposition'),
        lines: (await response.text()).trim().split('\r\n'),
      };
    };
    const deferred = (await agency.api.get<DeferredRevenueResponse>('/v1/finance/reports/deferred-revenue?months=3'))
      .body;
    const waterfall = await csv('/v1/finance/reports/deferred-revenue?months=3&format=csv');
    expect(waterfall.disposition).toBe(`attachment; filename="deferred-revenue-${deferred.asOf}.csv"`);
    expect(waterfall.lines).toEqual([
      'stream,currency,recognizedIn,amount',
      ...deferred.lines.flatMap((l) => [
        ...l.byMonth.map((m) => `${l.stream},${l.currency},${m.month},${m.amount}`),
        `${l.stream},${l.currency},later,${l.later}`,
        `${l.stream},${l.currency},on-delivery,${l.onDelivery}`,
        `${l.stream},${l.currency},awaiting-service,${l.awaitingService}`,
      ]),
    ]);
    expect(waterfall.lines).toContain('advertising,VND,on-delivery,5500000');

    const trial = (await agency.api.get<TrialBalanceResponse>('/v1/finance/trial-balance?asOf=2026-10-31')).body;
    const exported = await csv('/v1/finance/trial-balance?asOf=2026-10-31&format=csv');
    expect(exported.disposition).toBe('attachment; filename="trial-balance-2026-10-31.csv"');
    expect(exported.lines).toEqual([
      'currency,code,name,type,debits,credits,balance',
      ...trial.lines.map((l) =>
        [
          l.currency,
          l.code,
          l.name.includes(',') ? `"${l.name}"` : l.name,
          l.type,
          l.debits,
          l.credits,
          l.balance,
        ].join(','),
      ),
    ]);
    expect(trial.lines.length).toBeGreaterThan(3);
    const bad = await agency.api.get<Problem>('/v1/finance/trial-balance?format=xlsx');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field)).toEqual(['format']);
  });

  it('gives what each article earned across the three streams: its conversions, the ads on its pages, its licence usage', async () => {
    const converted = makeInvoice(agency.tenantId, {
      at: '2026-10-12T03:00:00.000Z',
      start: '2026-10-11T17:00:00.000Z',
      end: '2026-11-10T17:00:00.000Z',
    });
    const subscriptionId = '6f1c7a52-3c3e-4a55-9a0e-3f9a6c1d2b01';
    const started = envelopeOf(
      SubscriptionChanged,
      agency.tenantId,
      {
        subscriptionId,
        readerKey: 'reader:r-1',
        planId: randomUUID(),
        status: 'active' as const,
        previousStatus: null,
        currentPeriodEnd: converted.end,
        reference: encodeCheckoutReference({ articleId: 'bai-1', offerId: null, experimentId: null, arm: null }),
      },
      converted.at,
    );
    // The payment before the subscription's start: the article is found whichever finance heard first.
    await events.deliver([paid(converted)]);
    await events.deliver([
      started,
      usageCharged({ ...agreement }, randomUUID(), '2026-10-12T03:00:00.000Z'),
      deliveryRecorded(booking, '2026-10-02', 400_000n, 50_000, [
        { articleId: 'bai-1', amount: '300000' },
        { articleId: 'bai-3', amount: '100000' },
      ]),
    ]);
    const byArticle = async () =>
      (await agency.api.get<RevenueByArticleResponse>('/v1/finance/reports/revenue-by-article?from=2026-10&to=2026-10'))
        .body.rows;
    await eventually(async () =>
      expect(await byArticle()).toEqual([
        // Both October invoices of the subscription it converted (the test helpers bill one subscription), 99,000 less 9,000 VAT
        // each; the ads on its pages; half of each 1,000,000 usage of bai-1 and bai-2.
        {
          articleId: 'bai-1',
          currency: 'VND',
          subscriptions: '180000',
          advertising: '300000',
          licensing: '1000000',
          total: '1480000',
        },
        {
          articleId: 'bai-2',
          currency: 'VND',
          subscriptions: '0',
          advertising: '0',
          licensing: '1000000',
          total: '1000000',
        },
        {
          articleId: 'bai-3',
          currency: 'VND',
          subscriptions: '0',
          advertising: '100000',
          licensing: '0',
          total: '100000',
        },
      ]),
    );
    expect(
      (
        await agency.api.get<RevenueByArticleResponse>(
          '/v1/finance/reports/revenue-by-article?from=2026-10&to=2026-10&limit=1',
        )
      ).body.rows.map((r) => r.articleId),
    ).toEqual(['bai-1']);
    expect(
      (await other.api.get<RevenueByArticleResponse>('/v1/finance/reports/revenue-by-article?from=2026-01&to=2026-12'))
        .body.rows,
    ).toEqual([]);
  });

  it('refuses bad queries naming the field, and shows another agency nothing of these', async () => {
    for (const [query, field] of [
      ['from=2026-10&to=2026-09', 'to'],
      ['from=2026-10&to=2026-10&by=article', 'by'],
      ['from=2026-10&to=2026-10&stream=print', 'stream'],
    ]) {
      const response = await agency.api.get<Problem>(`${REVENUE}?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.errors?.map((e) => e.field)).toContain(field);
    }
    expect((await agency.api.get<Problem>('/v1/finance/reports/deferred-revenue?months=37')).status).toBe(400);
    expect((await other.api.get<RevenueReportResponse>(`${REVENUE}?from=2026-01&to=2026-12`)).body.rows).toEqual([]);
    expect((await other.api.get<DeferredRevenueResponse>('/v1/finance/reports/deferred-revenue')).body.lines).toEqual(
      [],
    );
  });
});
