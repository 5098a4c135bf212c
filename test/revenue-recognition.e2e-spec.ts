import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  EventEnvelope,
  JournalEntryListResponse,
  JournalEntryView,
  RecognitionRunResponse,
  RecognitionScheduleListResponse,
  RecognitionScheduleView,
} from '@libs/contracts';
import { RecognitionRunService } from '../apps/finance/src/recognition/recognition-run.service';
import { TestAgency } from './support/agencies';
import { Api } from './support/api';
import {
  balancesIn,
  createFinanceAgency,
  FinanceEventDelivery,
  reissued,
  seededRandom,
  shuffle,
} from './support/finance-events';
import { JetStreamProbe } from './support/jetstream';
import {
  finalized,
  voided,
  giftExpired,
  giftPurchased,
  giftRedeemed,
  makeGift,
  makeInvoice,
  paid,
  refunded,
  TestInvoice,
} from './support/subscription-money-events';
import { TestSuite } from './support/test-suite';

/** Recognized through day k of `days` by the cumulative floor the schedules promise. */
const through = (total: bigint, k: number, days: number) => (total * BigInt(k)) / BigInt(days);

describe('revenue recognition: ratable per agency-local day, once per schedule and day', () => {
  let suite: TestSuite;
  let api: Api;
  let probe: JetStreamProbe;
  let db: Client;
  let events: FinanceEventDelivery;

  const provisionedAgency = () => createFinanceAgency(api, suite.operatorToken);

  async function runNow(agency: TestAgency): Promise<RecognitionRunResponse> {
    const run = await agency.api.post<RecognitionRunResponse>('/v1/finance/recognition-runs', undefined);
    expect(run.status).toBe(201);
    return run.body;
  }

  /** The run as the periodic task would make it at `at`, on one finance instance. */
  const runAt = (agency: TestAgency, at: string, instance = 0) =>
    suite.instances('finance')[instance].get(RecognitionRunService).recognizeAgency(agency.tenantId, new Date(at));

  async function schedules(agency: TestAgency, query = ''): Promise<RecognitionScheduleView[]> {
    const page = await agency.api.get<RecognitionScheduleListResponse>(
      `/v1/finance/recognition-schedules?limit=100${query}`,
    );
    expect(page.status).toBe(200);
    return page.body.items;
  }

  async function scheduleOf(agency: TestAgency, invoice: TestInvoice): Promise<RecognitionScheduleView> {
    const found = (await schedules(agency)).find((s) => s.source === `invoice:${invoice.invoiceId}`);
    if (!found) throw new Error(`no schedule for ${invoice.invoiceId}`);
    return found;
  }

  async function linesOf(scheduleId: string): Promise<{ day: string; amount: string; entry_id: string | null }[]> {
    const { rows } = await db.query<{ day: string; amount: string; entry_id: string | null }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, amount::text, entry_id FROM finance.recognition_lines WHERE schedule_id = $1 ORDER BY day`,
      [scheduleId],
    );
    return rows;
  }

  async function entry(agency: TestAgency, id: string): Promise<JournalEntryView> {
    const response = await agency.api.get<JournalEntryView>(`/v1/finance/journal-entries/${id}`);
    expect(response.status).toBe(200);
    return response.body;
  }

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'finance']);
    await suite.startInstance('finance');
    api = new Api(await suite.gatewayUrl());
    probe = await JetStreamProbe.connect(suite.nats.url);
    events = new FinanceEventDelivery(suite, probe);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await probe?.close();
    await suite?.close();
  });

  it('recognizes a 99,000 VND invoice over its 30 days in one entry whose days sum exactly to 99,000 less the tax', async () => {
    const agency = await provisionedAgency();
    // 8% VAT included in 99,000: 7,333 (rounded down); 91,667 to recognize, which 30 does not divide.
    const invoice = makeInvoice(agency.tenantId, { amount: 99_000n, tax: 7_333n });
    await events.deliverInOrder([finalized(invoice), paid(invoice)]);
    const before = await scheduleOf(agency, invoice);
    expect(before).toMatchObject({
      stream: 'subscriptions',
      method: 'ratable',
      status: 'active',
      firstDay: '2026-10-01',
      lastDay: '2026-10-30',
      days: 30,
      total: '91667',
      recognized: '0',
      remaining: '91667',
      recognizedThrough: null,
    });

    const run = await runNow(agency);
    expect(run).toMatchObject({ schedules: 1, days: 30 });
    expect(run.entries).toEqual([
      {
        entryId: expect.any(String),
        stream: 'subscriptions',
        currency: 'VND',
        postedOn: '2026-10-30',
        amount: '91667',
        schedules: 1,
        days: 30,
      },
    ]);
    const posted = await entry(agency, run.entries[0].entryId);
    expect(posted).toMatchObject({ stream: 'subscriptions', postedOn: '2026-10-30' });
    expect(posted.postings.map((p) => [p.accountCode, p.amount])).toEqual([
      ['2100', '91667'],
      ['4100', '-91667'],
    ]);

    const lines = await linesOf(before.id);
    expect(lines.map((l) => l.day)).toEqual(
      Array.from({ length: 30 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`),
    );
    expect(lines.map((l) => BigInt(l.amount))).toEqual(
      Array.from({ length: 30 }, (_, i) => through(91_667n, i + 1, 30) - through(91_667n, i, 30)),
    );
    expect(lines.reduce((sum, l) => sum + BigInt(l.amount), 0n)).toBe(91_667n);
    expect(new Set(lines.map((l) => l.entry_id))).toEqual(new Set([posted.id]));
    expect(await scheduleOf(agency, invoice)).toMatchObject({
      status: 'completed',
      recognized: '91667',
      remaining: '0',
      recognizedThrough: '2026-10-30',
    });
    expect(await balancesIn(agency, 'VND')).toEqual({
      '1100': '95634',
      '5100': '3366',
      '2200': '-7333',
      '4100': '-91667',
    });

    expect(await runNow(agency)).toMatchObject({ schedules: 0, days: 0, entries: [] });
  });

  it('leaves each month its own revenue when a run covers a month end', async () => {
    const agency = await provisionedAgency();
    // 15 October to 13 November in Hanoi: 17 days in October, 13 in November.
    const invoice = makeInvoice(agency.tenantId, {
      amount: 33_000n,
      tax: 3_000n,
      start: '2026-10-14T17:00:00.000Z',
      end: '2026-11-13T17:00:00.000Z',
    });
    await events.deliverInOrder([finalized(invoice)]);
    const run = await runAt(agency, '2026-11-20T00:00:00.000Z');
    expect(run.entries.map((e) => [e.postedOn, e.amount, e.days])).toEqual([
      ['2026-10-31', '17000', 17],
      ['2026-11-13', '13000', 13],
    ]);
  });

  it('catches up after five missed daily runs: the next run recognizes every day since, in one entry', async () => {
    const agency = await provisionedAgency();
    const invoice = makeInvoice(agency.tenantId, { amount: 110_000n, tax: 10_000n });
    await events.deliverInOrder([finalized(invoice)]);
    const total = 100_000n;
    // Run on 11 October (Hanoi) recognizes 1-10 October; no runs on the 12th to the 16th; the run on the 17th.
    const first = await runAt(agency, '2026-10-11T01:00:00.000Z');
    expect(first).toMatchObject({ through: '2026-10-10', schedules: 1, days: 10 });
    expect(first.entries.map((e) => e.amount)).toEqual([through(total, 10, 30).toString()]);
    const caughtUp = await runAt(agency, '2026-10-17T01:00:00.000Z');
    expect(caughtUp).toMatchObject({ through: '2026-10-16', schedules: 1, days: 6 });
    expect(caughtUp.entries).toHaveLength(1);
    expect(caughtUp.entries[0]).toMatchObject({
      postedOn: '2026-10-16',
      amount: (through(total, 16, 30) - through(total, 10, 30)).toString(),
      days: 6,
    });
    const schedule = await scheduleOf(agency, invoice);
    expect((await linesOf(schedule.id)).map((l) => l.day).slice(10)).toEqual([
      '2026-10-11',
      '2026-10-12',
      '2026-10-13',
      '2026-10-14',
      '2026-10-15',
      '2026-10-16',
    ]);
    expect(schedule).toMatchObject({ recognizedThrough: '2026-10-16', recognized: through(total, 16, 30).toString() });
    // The same instant again (a retried run, or the other instance) recognizes nothing more.
    expect(await runAt(agency, '2026-10-17T05:00:00.000Z')).toMatchObject({ days: 0, entries: [] });
  });

  it('recognizes each day once when two finance instances run at the same time', async () => {
    const agency = await provisionedAgency();
    const invoices = Array.from({ length: 12 }, (_, n) =>
      makeInvoice(agency.tenantId, { amount: BigInt(50_000 + 1_001 * n), tax: BigInt(4_000 + n) }),
    );
    await events.deliver(invoices.map(finalized));
    expect(suite.instances('finance')).toHaveLength(2);
    const at = '2026-10-21T03:00:00.000Z';
    const runs = await Promise.all([
      runAt(agency, at, 0),
      runAt(agency, at, 1),
      runAt(agency, at, 0),
      runAt(agency, at, 1),
    ]);
    const expected = invoices.reduce((sum, i) => sum + through(i.amount - i.tax, 20, 30), 0n);
    const posted = runs.flatMap((r) => r.entries);
    expect(posted).toHaveLength(1);
    expect(posted[0].amount).toBe(expected.toString());
    expect(runs.reduce((sum, r) => sum + r.days, 0)).toBe(12 * 20);
    const { rows } = await db.query<{ lines: string; days: string }>(
      `SELECT count(*)::text AS lines, count(DISTINCT (schedule_id, day))::text AS days FROM finance.recognition_lines WHERE tenant_id = $1`,
      [agency.tenantId],
    );
    expect(rows[0]).toEqual({ lines: '240', days: '240' });
    expect((await balancesIn(agency, 'VND'))['4100']).toBe((-expected).toString());

    // The periodic task's entry point on both instances at once: the rest of the period, once.
    const later = new Date('2026-11-05T03:00:00.000Z');
    await Promise.all(suite.instances('finance').map((app) => app.get(RecognitionRunService).recognizeAll(later)));
    const all = invoices.reduce((sum, i) => sum + (i.amount - i.tax), 0n);
    expect((await balancesIn(agency, 'VND'))['4100']).toBe((-all).toString());
    expect((await schedules(agency)).map((s) => s.status)).toEqual(invoices.map(() => 'completed'));
  });

  it('splits a refund after partial recognition between deferred revenue and refunds, and spreads what is left over the remaining days', async () => {
    const agency = await provisionedAgency();
    const invoice = makeInvoice(agency.tenantId, { amount: 99_000n, tax: 9_000n });
    await events.deliverInOrder([finalized(invoice), paid(invoice)]);
    await runAt(agency, '2026-10-16T01:00:00.000Z');
    expect(await scheduleOf(agency, invoice)).toMatchObject({ recognized: '45000', remaining: '45000' });
    const refundId = `re_${randomUUID()}`;
    await events.deliverInOrder([refunded(invoice, 49_500n, '2026-10-16T02:00:00.000Z', refundId)]);
    const journal = await agency.api.get<JournalEntryListResponse>('/v1/finance/journal-entries');
    const refund = journal.body.items.find((e) => e.sourceKey === `refund:${refundId}`)!;
    expect(refund.postings.map((p) => [p.accountCode, p.amount])).toEqual([
      ['2100', '22500'],
      ['5200', '22500'],
      ['2200', '4500'],
      ['1100', '-49500'],
    ]);
    expect(await scheduleOf(agency, invoice)).toMatchObject({
      recognized: '45000',
      remaining: '22500',
      reduced: '22500',
      refunds: '49500',
    });

    const rest = await runNow(agency);
    expect(rest.entries.map((e) => e.amount)).toEqual(['22500']);
    const schedule = await scheduleOf(agency, invoice);
    expect((await linesOf(schedule.id)).slice(15).map((l) => l.amount)).toEqual(Array(15).fill('1500'));
    expect(schedule).toMatchObject({ status: 'completed', recognized: '67500', remaining: '0' });
    expect(await balancesIn(agency, 'VND')).toEqual({
      '1100': String(95_634 - 49_500),
      '5100': '3366',
      '5200': '22500',
      '2200': '-4500',
      '4100': '-67500',
    });
  });

  it('takes back recognized revenue when an invoice is written off, and gives it back when the invoice is paid after all', async () => {
    const agency = await provisionedAgency();
    const invoice = makeInvoice(agency.tenantId);
    await events.deliverInOrder([finalized(invoice)]);
    await runAt(agency, '2026-10-16T01:00:00.000Z');
    await events.deliverInOrder([voided(invoice, '2026-10-16T02:00:00.000Z', 'uncollectible')]);
    expect(await balancesIn(agency, 'VND')).toEqual({});
    expect(await scheduleOf(agency, invoice)).toMatchObject({ status: 'voided', recognized: '45000', remaining: '0' });
    expect(await runAt(agency, '2026-11-01T01:00:00.000Z')).toMatchObject({ days: 0 });

    await events.deliverInOrder([paid(invoice, '2026-11-02T03:00:00.000Z')]);
    expect(await balancesIn(agency, 'VND')).toEqual({
      '1100': '95634',
      '5100': '3366',
      '2200': '-9000',
      '2100': '-45000',
      '4100': '-45000',
    });
    const rest = await runAt(agency, '2026-11-03T01:00:00.000Z');
    expect(rest).toMatchObject({ days: 15, entries: [{ amount: '45000', postedOn: '2026-10-30' }] });
    expect(await scheduleOf(agency, invoice)).toMatchObject({
      status: 'completed',
      recognized: '90000',
      remaining: '0',
    });
  });

  it('recognizes a redeemed gift ratably from its redemption, and an expiry after redemption changes nothing', async () => {
    const agency = await provisionedAgency();
    const gift = makeGift(agency.tenantId);
    // 10 September to 9 December in Hanoi: 91 days.
    await events.deliverInOrder([
      giftPurchased(gift, '2026-09-01T03:00:00.000Z'),
      giftRedeemed(gift, '2026-09-09T17:00:00.000Z', '2026-12-09T17:00:00.000Z'),
    ]);
    const run = await runAt(agency, '2026-10-01T01:00:00.000Z');
    expect(run).toMatchObject({ through: '2026-09-30', days: 21 });
    expect(run.entries.map((e) => [e.stream, e.amount])).toEqual([
      ['subscriptions', through(300_000n, 21, 91).toString()],
    ]);
    await events.deliverInOrder([giftExpired(gift, '2026-10-02T00:00:00.000Z')]);
    const [view] = await schedules(agency);
    expect(view).toMatchObject({
      source: `gift:${gift.giftId}`,
      status: 'active',
      productId: gift.productId,
      recognized: through(300_000n, 21, 91).toString(),
    });
  });

  it('gives the same books for random finalize, paid and refund events shuffled with duplicates as for each once in order; recognized = billed − refunds', async () => {
    const random = seededRandom(20261128);
    const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
    interface Case {
      invoice: TestInvoice;
      refunds: { id: string; amount: bigint; at: string }[];
    }
    const plan = Array.from({ length: 24 }, (_, n) => {
      const amount = BigInt(between(10_000, 3_000_000));
      const startDay = between(1, 40);
      const start = new Date(Date.UTC(2026, 7, startDay, 17));
      const end = new Date(start.getTime() + between(28, 31) * 86_400_000);
      const tax = random() < 0.2 ? 0n : (amount * 10n) / 110n;
      const refunds: Case['refunds'] = [];
      let left = amount;
      for (let r = 0; r < between(0, 2) && left > 1n; r++) {
        const part = r === 1 && random() < 0.5 ? left : BigInt(between(1, Number(left)));
        refunds.push({
          id: `re_property_${n}_${r}`,
          amount: part,
          at: new Date(start.getTime() - 3_600_000 + r * 60_000).toISOString(),
        });
        left -= part;
      }
      return {
        n,
        amount,
        tax,
        fee: (amount * BigInt(between(0, 40))) / 1000n,
        start: start.toISOString(),
        end: end.toISOString(),
        refunds,
      };
    });
    const casesOf = (tenantId: string): Case[] =>
      plan.map((p) => ({
        invoice: makeInvoice(tenantId, {
          invoiceId: `in_property_${p.n}`,
          chargeId: `ch_property_${p.n}`,
          amount: p.amount,
          tax: p.tax,
          fee: p.fee,
          start: p.start,
          end: p.end,
          at: new Date(Date.parse(p.start) - 7_200_000).toISOString(),
        }),
        refunds: p.refunds,
      }));
    const eventsOf = (cases: Case[]) => ({
      finalizes: cases.map((c) => finalized(c.invoice)),
      payments: cases.map((c) => paid(c.invoice)),
      refunds: cases.flatMap((c) => c.refunds.map((r) => refunded(c.invoice, r.amount, r.at, r.id))),
    });
    const [once, noisy] = [await provisionedAgency(), await provisionedAgency()];

    const inOrder = eventsOf(casesOf(once.tenantId));
    for (const phase of [inOrder.finalizes, inOrder.payments, inOrder.refunds]) await events.deliver(phase);
    const mixed = eventsOf(casesOf(noisy.tenantId));
    const all: EventEnvelope<unknown>[] = [...mixed.finalizes, ...mixed.payments, ...mixed.refunds];
    const noise = [...all.filter(() => random() < 0.3), ...all.filter(() => random() < 0.3).map(reissued)];
    const shuffled = shuffle([...all, ...noise], random);
    expect(shuffled.length).toBeGreaterThan(all.length);
    await events.deliver(shuffled);

    for (const agency of [once, noisy]) {
      const due = (await schedules(agency)).filter((view) => view.remaining !== '0');
      expect(due.length).toBeGreaterThan(plan.length / 2);
      expect((await runNow(agency)).schedules).toBe(due.length);
    }
    const books = await balancesIn(once, 'VND');
    expect(await balancesIn(noisy, 'VND')).toEqual(books);
    const sum = (of: (p: (typeof plan)[number]) => bigint) => plan.reduce((total, p) => total + of(p), 0n);
    const refundsTotal = sum((p) => p.refunds.reduce((t, r) => t + r.amount, 0n));
    // Nothing deferred or owed is left; revenue and VAT are what was billed less what was refunded.
    expect(books['2100']).toBeUndefined();
    expect(books['1300']).toBeUndefined();
    expect(BigInt(books['4100'] ?? '0') + BigInt(books['2200'] ?? '0')).toBe(-(sum((p) => p.amount) - refundsTotal));
    expect(books['1100']).toBe((sum((p) => p.amount - p.fee) - refundsTotal).toString());
    expect(books['5200']).toBeUndefined();
    for (const agency of [once, noisy]) {
      const views = await schedules(agency);
      expect(views).toHaveLength(plan.length);
      expect(
        views.every(
          (s) =>
            s.status === 'completed' &&
            s.remaining === '0' &&
            BigInt(s.recognized) === BigInt(s.total) - BigInt(s.reduced),
        ),
      ).toBe(true);
      expect(-views.reduce((t, s) => t + BigInt(s.recognized), 0n)).toBe(BigInt(books['4100'] ?? '0'));
    }
    const waiting = await db.query(`SELECT 1 FROM finance.waiting_events WHERE tenant_id = ANY($1::uuid[])`, [
      [once.tenantId, noisy.tenantId],
    ]);
    expect(waiting.rows).toHaveLength(0);
  });

  describe('schedules for finance staff', () => {
    let agency: TestAgency;
    let invoice: TestInvoice;
    beforeAll(async () => {
      agency = await provisionedAgency();
      invoice = makeInvoice(agency.tenantId);
      await events.deliverInOrder([finalized(invoice)]);
    });

    it('lists schedules filtered by stream and status, and reads one', async () => {
      const [one] = await schedules(agency, '&stream=subscriptions&status=active');
      expect(one).toMatchObject({
        source: `invoice:${invoice.invoiceId}`,
        currency: 'VND',
        total: '90000',
        refunds: '0',
        productId: null,
        siteId: null,
        counterpartyId: null,
      });
      expect(await schedules(agency, '&stream=licensing')).toEqual([]);
      const read = await agency.api.get<RecognitionScheduleView>(`/v1/finance/recognition-schedules/${one.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(one);
    });

    it('answers 404 for the schedule of another agency and runs only for the caller', async () => {
      const [one] = await schedules(agency);
      const other = await provisionedAgency();
      expect((await other.api.get(`/v1/finance/recognition-schedules/${one.id}`)).status).toBe(404);
      expect(await runNow(other)).toMatchObject({ schedules: 0, entries: [] });
      expect(
        (await agency.api.get<RecognitionScheduleView>(`/v1/finance/recognition-schedules/${one.id}`)).body.recognized,
      ).toBe('0');
    });

    it('refuses an unknown stream filter naming the field', async () => {
      const bad = await agency.api.get<{ errors: { field: string }[] }>(
        '/v1/finance/recognition-schedules?stream=lottery',
      );
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e) => e.field)).toContain('stream');
    });
  });
});
