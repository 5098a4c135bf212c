import { Client } from 'pg';
import {
  JournalEntryListResponse,
  JournalEntryView,
  RecognitionScheduleListResponse,
  TrialBalanceResponse,
} from '@libs/contracts';
import { RecognitionRunService } from '../apps/finance/src/recognition/recognition-run.service';
import { TestAgency } from './support/agencies';
import { Api } from './support/api';
import { provisionedAgency } from './support/finance-fixtures';
import { FinanceEventDelivery } from './support/finance-events';
import { JetStreamProbe } from './support/jetstream';
import { finalized, makeInvoice, paid, refunded, voided } from './support/subscription-money-events';
import { TestSuite } from './support/test-suite';

/**
 * Accrual bookkeeping meets the month close: whatever finance posts for a day of a closed month
 * (a billing, a payment, a write-off, a refund, the recognition run's days) goes to the first open
 * day with the day it belongs to and a late reference; the closed month's figures never move.
 * Months of 2026 long over whenever this runs; every instant is given in Hanoi's terms.
 */
describe('accrual postings for days of a closed month', () => {
  let suite: TestSuite;
  let probe: JetStreamProbe;
  let db: Client;
  let events: FinanceEventDelivery;
  let agency: TestAgency;

  const journal = async () => {
    const page = await agency.api.get<JournalEntryListResponse>('/v1/finance/journal-entries?limit=100');
    expect(page.status).toBe(200);
    return page.body.items;
  };
  const entryOf = async (sourceKey: string): Promise<JournalEntryView> => {
    const found = (await journal()).find((e) => e.sourceKey === sourceKey);
    if (!found) throw new Error(`no entry ${sourceKey}`);
    return found;
  };
  const trialAsOf = async (asOf: string) => {
    const response = await agency.api.get<TrialBalanceResponse>(`/v1/finance/trial-balance?asOf=${asOf}`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const close = async (month: string) =>
    expect((await agency.api.post(`/v1/finance/periods/${month}/close`, undefined)).status).toBe(200);
  const runAt = (at: string) =>
    suite.instances('finance')[0].get(RecognitionRunService).recognizeAgency(agency.tenantId, new Date(at));

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'finance']);
    probe = await JetStreamProbe.connect(suite.nats.url);
    events = new FinanceEventDelivery(suite, probe);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    agency = await provisionedAgency(new Api(await suite.gatewayUrl()), suite.operatorToken);
  });

  afterAll(async () => {
    await db?.end();
    await probe?.close();
    await suite?.close();
  });

  it('posts the recognition of days in a closed month on the first open day, with the reference, each line keeping its day', async () => {
    // Billed and paid on 15 August; service 15 August to 13 September: 17 days in August, 13 in September.
    const invoice = makeInvoice(agency.tenantId, {
      amount: 330_000n,
      tax: 30_000n,
      fee: 0n,
      start: '2026-08-14T17:00:00.000Z',
      end: '2026-09-13T17:00:00.000Z',
      at: '2026-08-14T17:05:00.000Z',
    });
    await events.deliverInOrder([finalized(invoice), paid(invoice)]);
    expect(await entryOf(`invoice-finalized:${invoice.invoiceId}`)).toMatchObject({
      postedOn: '2026-08-15',
      lateReference: null,
    });
    // The run was down at the end of August, and August was closed before it caught up.
    await close('2026-08');
    const augustClosed = await trialAsOf('2026-08-31');

    const run = await runAt('2026-09-20T01:00:00.000Z');
    expect(run).toMatchObject({ through: '2026-09-19', schedules: 1, days: 30 });
    expect(run.entries.map((e) => [e.postedOn, e.amount, e.days])).toEqual([
      ['2026-09-01', '170000', 17],
      ['2026-09-13', '130000', 13],
    ]);
    const late = await agency.api.get<JournalEntryView>(`/v1/finance/journal-entries/${run.entries[0].entryId}`);
    expect(late.body).toMatchObject({
      postedOn: '2026-09-01',
      datedOriginally: '2026-08-31',
      lateReference: 'late: 2026-08-31, August 2026 closed',
      stream: 'subscriptions',
    });
    expect(late.body.postings.map((p) => [p.accountCode, p.amount])).toEqual([
      ['2100', '170000'],
      ['4100', '-170000'],
    ]);
    const onTime = await agency.api.get<JournalEntryView>(`/v1/finance/journal-entries/${run.entries[1].entryId}`);
    expect(onTime.body).toMatchObject({ postedOn: '2026-09-13', datedOriginally: null, lateReference: null });

    // The lines say which days were earned, whatever day their entry stands on.
    const { rows: lines } = await db.query<{ day: string; entry_id: string }>(
      `SELECT to_char(l.day, 'YYYY-MM-DD') AS day, l.entry_id FROM finance.recognition_lines l JOIN finance.recognition_schedules s ON s.id = l.schedule_id
       WHERE s.tenant_id = $1 AND s.source_ref = $2 ORDER BY l.day`,
      [agency.tenantId, `invoice:${invoice.invoiceId}`],
    );
    expect(lines.filter((l) => l.entry_id === late.body.id).map((l) => l.day)).toEqual(
      Array.from({ length: 17 }, (_, i) => `2026-08-${String(15 + i).padStart(2, '0')}`),
    );
    expect(lines.filter((l) => l.entry_id === onTime.body.id)).toHaveLength(13);
    const schedules = await agency.api.get<RecognitionScheduleListResponse>(
      '/v1/finance/recognition-schedules?limit=100',
    );
    expect(schedules.body.items.find((s) => s.source === `invoice:${invoice.invoiceId}`)).toMatchObject({
      status: 'completed',
      remaining: '0',
    });

    // August stands as it was closed; September holds all of the revenue.
    expect(await trialAsOf('2026-08-31')).toEqual(augustClosed);
    expect(augustClosed.lines.find((l) => l.code === '4100')).toBeUndefined();
    const september = await trialAsOf('2026-09-30');
    expect(september.lines.find((l) => l.code === '4100')?.balance).toBe('-300000');
    expect(september.lines.find((l) => l.code === '2100')?.balance).toBe('0');
  });

  it('bills, collects, refunds and writes off facts of a closed month late, each on the first open day with its own date', async () => {
    // Billed on 20 September, paid on 25 September, refunded in part on 28 September: all told after September closed.
    const invoice = makeInvoice(agency.tenantId, {
      amount: 110_000n,
      tax: 10_000n,
      fee: 3_000n,
      start: '2026-09-19T17:00:00.000Z',
      end: '2026-10-19T17:00:00.000Z',
      at: '2026-09-19T17:05:00.000Z',
    });
    await close('2026-09');
    const septemberClosed = await trialAsOf('2026-09-30');
    await events.deliverInOrder([
      finalized(invoice),
      paid(invoice, '2026-09-25T03:00:00.000Z'),
      refunded(invoice, 11_000n, '2026-09-28T03:00:00.000Z'),
    ]);
    for (const [kind, day] of [
      ['invoice-finalized', '2026-09-20'],
      ['invoice-paid', '2026-09-25'],
    ] as const) {
      expect(await entryOf(`${kind}:${invoice.invoiceId}`)).toMatchObject({
        postedOn: '2026-10-01',
        datedOriginally: day,
        lateReference: `late: ${day}, September 2026 closed`,
        stream: 'subscriptions',
      });
    }
    const refund = (await journal()).find(
      (e) => e.sourceKey.startsWith('refund:') && e.description.includes(invoice.chargeId),
    )!;
    expect(refund).toMatchObject({
      postedOn: '2026-10-01',
      datedOriginally: '2026-09-28',
      lateReference: 'late: 2026-09-28, September 2026 closed',
    });
    expect(await trialAsOf('2026-09-30')).toEqual(septemberClosed);

    // A second invoice of the closed month written off: the void goes late too, and balances as of the first open day add up.
    const unpaid = makeInvoice(agency.tenantId, {
      amount: 55_000n,
      tax: 5_000n,
      start: '2026-09-09T17:00:00.000Z',
      end: '2026-10-09T17:00:00.000Z',
      at: '2026-09-09T17:05:00.000Z',
    });
    await events.deliverInOrder([finalized(unpaid), voided(unpaid, '2026-09-29T03:00:00.000Z', 'uncollectible')]);
    expect(await entryOf(`invoice-voided:${unpaid.invoiceId}`)).toMatchObject({
      postedOn: '2026-10-01',
      datedOriginally: '2026-09-29',
    });
    expect(await trialAsOf('2026-09-30')).toEqual(septemberClosed);
    const october = await trialAsOf('2026-10-01');
    for (const total of october.totals) expect(total.balance).toBe('0');
    // The receivable of the written-off invoice is gone, the paid one collected: only earlier invoices' receivables remain (none).
    expect(october.lines.find((l) => l.code === '1300')?.balance ?? '0').toBe('0');
  });
});
