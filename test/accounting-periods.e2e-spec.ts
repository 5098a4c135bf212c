import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  AccountingPeriodListResponse,
  AccountingPeriodView,
  JournalEntryView,
  MonthEndChecklistView,
  TrialBalanceResponse,
} from '@libs/contracts';
import { eventually } from '@libs/testing';
import { TestAgency } from './support/agencies';
import { Api } from './support/api';
import { FinanceEventDelivery } from './support/finance-events';
import { bookPayment, invoicePaidEnvelope, plainPayment, provisionedAgency } from './support/finance-fixtures';
import { JetStreamProbe } from './support/jetstream';
import { stripeReport } from './support/reconciliation-files';
import { makeInvoice, paid, refunded } from './support/subscription-money-events';
import { TestSuite } from './support/test-suite';

interface AuditItem {
  service: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * Months of 2026 long over whenever this runs: August, September and October hold postings.
 * Payments at 05:00 UTC fall on the same day in UTC and in Hanoi.
 */
describe('accounting periods: month close in order, late facts, reopen', () => {
  let suite: TestSuite;
  let api: Api;
  let probe: JetStreamProbe;
  let db: Client;
  let agency: TestAgency;
  let august: JournalEntryView;

  const periods = async (of = agency) => {
    const response = await of.api.get<AccountingPeriodListResponse>('/v1/finance/periods');
    expect(response.status).toBe(200);
    return response.body.items;
  };
  /** The months of 2026 this story writes in (the reversal goes to the month it is made in). */
  const statuses = async (of = agency) =>
    (await periods(of)).filter((p) => p.month <= '2026-10').map((p) => [p.month, p.status]);
  const close = (month: string, of = agency) =>
    of.api.post<AccountingPeriodView & { detail: string }>(`/v1/finance/periods/${month}/close`, undefined);
  const reopen = (month: string, body: unknown) =>
    agency.api.post<AccountingPeriodView & { detail: string }>(`/v1/finance/periods/${month}/reopen`, body);
  const trialBalance = async (asOf: string) => {
    const response = await agency.api.get<TrialBalanceResponse>(`/v1/finance/trial-balance?asOf=${asOf}`);
    expect(response.status).toBe(200);
    return response.body;
  };

  async function accountId(code: string): Promise<string> {
    const rows = await db.query<{ id: string }>('SELECT id FROM finance.accounts WHERE tenant_id = $1 AND code = $2', [
      agency.tenantId,
      code,
    ]);
    return rows.rows[0].id;
  }

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'finance']);
    api = new Api(await suite.gatewayUrl());
    probe = await JetStreamProbe.connect(suite.nats.url);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    agency = await provisionedAgency(api, suite.operatorToken);
    august = await bookPayment(probe, agency, plainPayment(100_000n, '2026-08-14'));
    await bookPayment(probe, agency, plainPayment(200_000n, '2026-09-10'));
    await bookPayment(probe, agency, plainPayment(400_000n, '2026-10-05'));
  });

  afterAll(async () => {
    await db?.end();
    await probe?.close();
    await suite?.close();
  });

  it('lists the months that have postings, oldest first, all open', async () => {
    expect(await periods()).toEqual(
      ['2026-08', '2026-09', '2026-10'].map((month) => ({
        month,
        status: 'open',
        closedAt: null,
        closedBy: null,
        reopenedAt: null,
        reopenedBy: null,
        reopenReason: null,
      })),
    );
  });

  it('refuses to close a month while an earlier month with postings is open, and changes nothing', async () => {
    const refused = await close('2026-09');
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/August 2026 is still open/);
    expect((await periods()).map((p) => p.status)).toEqual(['open', 'open', 'open']);
  });

  it('refuses to close a month that has not ended in the agency’s time zone', async () => {
    const refused = await close('2099-01');
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/January 2099 has not ended yet in Asia\/Ho_Chi_Minh/);
  });

  it('closes months in order, answering the period with who closed it and when', async () => {
    const closedAugust = await close('2026-08');
    expect(closedAugust.status).toBe(200);
    expect(closedAugust.body).toMatchObject({
      month: '2026-08',
      status: 'closed',
      closedBy: expect.stringMatching(/^api-key:/),
      reopenedAt: null,
    });
    expect(Date.parse(closedAugust.body.closedAt!)).not.toBeNaN();
    expect((await close('2026-09')).status).toBe(200);
    const again = await close('2026-08');
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/August 2026 is already closed/);
    expect(await statuses()).toEqual([
      ['2026-08', 'closed'],
      ['2026-09', 'closed'],
      ['2026-10', 'open'],
    ]);
  });

  it('has the database refuse an entry dated inside a closed month, and postings added to an entry of one, whoever writes them', async () => {
    await expect(
      db.query(
        `INSERT INTO finance.journal_entries (tenant_id, source_key, posted_on, description) VALUES ($1, $2, '2026-09-30', 'by hand')`,
        [agency.tenantId, `by-hand:${randomUUID()}`],
      ),
    ).rejects.toThrow(/dated 2026-09-30 falls in a closed period/);
    const [bank, revenue] = [await accountId('1200'), await accountId('4100')];
    await expect(
      db.query(
        `INSERT INTO finance.postings (tenant_id, entry_id, account_id, currency, amount) VALUES ($1, $2, $3, 'VND', 5), ($1, $2, $4, 'VND', -5)`,
        [agency.tenantId, august.id, bank, revenue],
      ),
    ).rejects.toThrow(/is dated 2026-08-14 in a closed period/);
    const { rows } = await db.query('SELECT count(*)::int AS n FROM finance.postings WHERE entry_id = $1', [august.id]);
    expect(rows[0].n).toBe(2);
  });

  it('posts a late fact on the first open day, keeping its own date and saying why', async () => {
    const septemberBefore = await trialBalance('2026-09-30');
    const late = await bookPayment(probe, agency, plainPayment(50_000n, '2026-09-30'));
    expect(late).toMatchObject({
      postedOn: '2026-10-01',
      datedOriginally: '2026-09-30',
      lateReference: 'late: 2026-09-30, September 2026 closed',
    });
    const shown = await agency.api.get<JournalEntryView>(`/v1/finance/journal-entries/${late.id}`);
    expect(shown.body).toMatchObject({
      postedOn: '2026-10-01',
      datedOriginally: '2026-09-30',
      lateReference: 'late: 2026-09-30, September 2026 closed',
    });
    // The closed month's figures stand as they were closed; the late money is in October.
    expect(await trialBalance('2026-09-30')).toEqual(septemberBefore);
    const october = await trialBalance('2026-10-01');
    expect(october.lines.find((l) => l.code === '1100' && l.currency === 'VND')?.balance).toBe('350000');
  });

  it('posts a fact dated in an open month on its own date, with no late reference', async () => {
    const onTime = await bookPayment(probe, agency, plainPayment(70_000n, '2026-10-20'));
    expect(onTime).toMatchObject({ postedOn: '2026-10-20', datedOriginally: null, lateReference: null });
  });

  it('reverses an entry of a closed month in an open month, leaving the closed month as it was', async () => {
    const augustBefore = await trialBalance('2026-08-31');
    const reversal = await agency.api.post<JournalEntryView>(
      `/v1/finance/journal-entries/${august.id}/reversal`,
      undefined,
    );
    expect(reversal.status).toBe(201);
    expect(reversal.body.reversesEntryId).toBe(august.id);
    expect(reversal.body.postedOn >= '2026-10-01').toBe(true);
    expect(await trialBalance('2026-08-31')).toEqual(augustBefore);
    const now = await agency.api.get<TrialBalanceResponse>('/v1/finance/trial-balance');
    expect(now.body.lines.find((l) => l.code === '1100' && l.currency === 'VND')?.balance).toBe(
      String(200_000 + 400_000 + 50_000 + 70_000),
    );
  });

  it('reopens only the latest closed month, and only with a reason', async () => {
    const earlier = await reopen('2026-08', { reason: 'an August invoice was wrong' });
    expect(earlier.status).toBe(409);
    expect(earlier.body.detail).toMatch(/only the latest closed month, September 2026, can be reopened/);
    const open = await reopen('2026-10', { reason: 'not closed at all' });
    expect(open.status).toBe(409);
    const withoutReason = await reopen('2026-09', {});
    expect(withoutReason.status).toBe(400);
    expect(JSON.stringify(withoutReason.body)).toContain('"field":"reason"');
    expect((await periods()).find((p) => p.month === '2026-09')?.status).toBe('closed');

    const reopened = await reopen('2026-09', { reason: 'the September Stripe fee invoice arrived late' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({
      month: '2026-09',
      status: 'open',
      reopenedBy: expect.stringMatching(/^api-key:/),
      reopenReason: 'the September Stripe fee invoice arrived late',
    });
    expect(await statuses()).toEqual([
      ['2026-08', 'closed'],
      ['2026-09', 'open'],
      ['2026-10', 'open'],
    ]);
  });

  it('posts into a reopened month on its own date, and closes it again', async () => {
    const september = await bookPayment(probe, agency, plainPayment(30_000n, '2026-09-25'));
    expect(september).toMatchObject({ postedOn: '2026-09-25', datedOriginally: null, lateReference: null });
    const closedAgain = await close('2026-09');
    expect(closedAgain.status).toBe(200);
    expect(closedAgain.body).toMatchObject({
      status: 'closed',
      reopenReason: 'the September Stripe fee invoice arrived late',
    });
  });

  it('records every close and reopen in the audit log, with the actor and the reason', async () => {
    const changes = await eventually(async () => {
      const log = await agency.api.get<{ items: AuditItem[] }>('/v1/audit-log?limit=500');
      const found = log.body.items.filter((e) => e.service === 'finance' && e.targetType === 'accounting-period');
      expect(found).toHaveLength(4);
      return found;
    });
    expect(changes.map((c) => [c.action, c.targetId]).sort()).toEqual([
      ['accounting-period.closed', '2026-08'],
      ['accounting-period.closed', '2026-09'],
      ['accounting-period.closed', '2026-09'],
      ['accounting-period.reopened', '2026-09'],
    ]);
    for (const change of changes) expect(change.actor).toMatch(/^api-key:/);
    const reopened = changes.find((c) => c.action === 'accounting-period.reopened')!;
    expect(reopened.before).toMatchObject({ status: 'closed' });
    expect(reopened.after).toMatchObject({
      status: 'open',
      reopenReason: 'the September Stripe fee invoice arrived late',
    });
  });

  it('lists what stands between a month and its close, and shows it ready once cleared', async () => {
    const fresh = await provisionedAgency(api, suite.operatorToken);
    const checklist = async (month: string) => {
      const response = await fresh.api.get<MonthEndChecklistView>(`/v1/finance/periods/${month}/checklist`);
      expect(response.status).toBe(200);
      return response.body;
    };
    // October in Hanoi: a subscription paid for the whole month (nothing recognized yet), a refund of a charge finance
    // has not seen, and a Stripe charge the books do not have.
    const october = makeInvoice(fresh.tenantId);
    const unseen = makeInvoice(fresh.tenantId, { chargeId: `ch_${randomUUID()}` });
    const deliveries = new FinanceEventDelivery(suite, probe);
    await deliveries.deliverInOrder([paid(october), refunded(unseen, 10_000n, '2026-10-20T03:00:00.000Z')]);
    const report = stripeReport([
      {
        id: 'txn_unbooked',
        created: '2026-10-15 03:00:00',
        currency: 'vnd',
        gross: '50000',
        fee: '0',
        net: '50000',
        category: 'charge',
        source: 'ch_unbooked',
      },
    ]);
    expect(
      (await fresh.api.post('/v1/finance/reconciliation/imports/stripe-csv', report, { 'content-type': 'text/csv' }))
        .status,
    ).toBe(201);
    const run = await fresh.api.post<{ id: string }>('/v1/finance/reconciliation/runs', {});
    await eventually(async () =>
      expect(
        (await fresh.api.get<{ status: string }>(`/v1/finance/reconciliation/runs/${run.body.id}`)).body.status,
      ).toBe('succeeded'),
    );

    expect(await checklist('2026-10')).toEqual({
      month: '2026-10',
      status: 'open',
      ended: true,
      earlierOpenMonth: null,
      schedulesNotRecognized: 1,
      waitingEvents: 1,
      openReconciliationExceptions: 1,
      readyToClose: false,
    });
    // Not over yet, nor for months to come, and October must close first.
    expect(await checklist('2099-01')).toMatchObject({
      ended: false,
      earlierOpenMonth: '2026-10',
      readyToClose: false,
    });
    expect(await checklist('2026-09')).toMatchObject({
      status: 'open',
      ended: true,
      schedulesNotRecognized: 0,
      waitingEvents: 0,
      readyToClose: true,
    });

    // Cleared: the charge is paid after all (the refund posts), recognition catches up, the exception is written off.
    await deliveries.deliverInOrder([paid(unseen)]);
    expect((await fresh.api.post('/v1/finance/recognition-runs', undefined)).status).toBe(201);
    const [exception] = (
      await fresh.api.get<{ items: { id: string }[] }>('/v1/finance/reconciliation/exceptions?status=open')
    ).body.items;
    const resolution = await fresh.api.post(`/v1/finance/reconciliation/exceptions/${exception.id}/resolution`, {
      action: 'write-off',
      accountCode: '5100',
      reason: 'test charge, refunded outside Stripe',
    });
    expect(resolution.status).toBe(201);
    expect(await checklist('2026-10')).toMatchObject({
      schedulesNotRecognized: 0,
      waitingEvents: 0,
      openReconciliationExceptions: 0,
      readyToClose: true,
    });
    expect((await close('2026-10', fresh)).status).toBe(200);
    expect(await checklist('2026-10')).toMatchObject({ status: 'closed', readyToClose: false });
    const bad = await fresh.api.get<{ errors?: { field: string }[] }>('/v1/finance/periods/2026-13/checklist');
    expect(bad.status).toBe(400);
  });

  it('keeps each agency’s periods its own', async () => {
    const other = await provisionedAgency(api, suite.operatorToken);
    await bookPayment(probe, other, plainPayment(10_000n, '2026-08-20'));
    expect(await statuses(other)).toEqual([['2026-08', 'open']]);
    // The other agency's August entry went in although this agency's August is closed; closing theirs leaves ours alone.
    expect((await close('2026-08', other)).status).toBe(200);
    expect(await statuses()).toEqual([
      ['2026-08', 'closed'],
      ['2026-09', 'closed'],
      ['2026-10', 'open'],
    ]);
  });

  describe('a close and the postings in flight', () => {
    let books: TestAgency;
    const waitingForTheBooksLock = async () => {
      const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks
         WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
      return rows[0].n;
    };
    const retriedPayments = async () => {
      const texts = await Promise.all(
        suite
          .instances('finance')
          .map(async (app) =>
            fetch(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/metrics`).then((r) => r.text()),
          ),
      );
      const re =
        /events_consumed_total\{consumer="finance__evt_subscriptions_invoice_paid_v1",outcome="retry",service="finance"\} (\d+)/g;
      return [...texts.join('\n').matchAll(re)].reduce((sum, m) => sum + Number(m[1]), 0);
    };

    beforeAll(async () => {
      books = await provisionedAgency(api, suite.operatorToken);
      await bookPayment(probe, books, plainPayment(10_000n, '2026-06-10'));
    });

    it('waits for a posting in flight before it closes the month', async () => {
      const writer = new Client({ connectionString: suite.database.url });
      await writer.connect();
      let entryId: string;
      try {
        await writer.query('BEGIN');
        const entry = await writer.query<{ id: string }>(
          `INSERT INTO finance.journal_entries (tenant_id, source_key, posted_on, description) VALUES ($1, $2, '2026-06-20', 'by hand') RETURNING id`,
          [books.tenantId, `by-hand:${randomUUID()}`],
        );
        entryId = entry.rows[0].id;
        const accounts = await writer.query<{ id: string }>(
          `SELECT id FROM finance.accounts WHERE tenant_id = $1 AND code IN ('1200', '4100') ORDER BY code`,
          [books.tenantId],
        );
        await writer.query(
          `INSERT INTO finance.postings (tenant_id, entry_id, account_id, currency, amount) VALUES ($1, $2, $3, 'VND', 700), ($1, $2, $4, 'VND', -700)`,
          [books.tenantId, entry.rows[0].id, accounts.rows[0].id, accounts.rows[1].id],
        );
        const closing = close('2026-06', books);
        await eventually(async () => expect(await waitingForTheBooksLock()).toBeGreaterThan(0));
        await writer.query('COMMIT');
        expect((await closing).status).toBe(200);
      } finally {
        await writer.end();
      }
      // The posting committed first, inside June; June was closed after it.
      const { rows } = await db.query(
        `SELECT to_char(posted_on, 'YYYY-MM-DD') AS posted_on FROM finance.journal_entries WHERE id = $1`,
        [entryId],
      );
      expect(rows).toEqual([{ posted_on: '2026-06-20' }]);
      expect((await periods(books)).find((p) => p.month === '2026-06')?.status).toBe('closed');
    });

    it('lets a posting that waited for a close read the close, and post late instead of failing', async () => {
      const retriesBefore = await retriedPayments();
      const closer = new Client({ connectionString: suite.database.url });
      await closer.connect();
      const payment = plainPayment(20_000n, '2026-07-15');
      try {
        // What a close of July does, held open: the period lock taken, the month marked closed.
        await closer.query('BEGIN');
        await closer.query(
          `SELECT pg_advisory_xact_lock(hashtext('finance.accounting_periods'), hashtext($1::uuid::text))`,
          [books.tenantId],
        );
        await closer.query(
          `INSERT INTO finance.accounting_periods (tenant_id, starts_on, status, closed_at, closed_by) VALUES ($1, '2026-07-01', 'closed', now(), 'test')`,
          [books.tenantId],
        );
        await probe.publish(invoicePaidEnvelope(books.tenantId, payment));
        await eventually(async () => expect(await waitingForTheBooksLock()).toBeGreaterThan(0));
        await closer.query('COMMIT');
      } finally {
        await closer.end();
      }
      const entry = await eventually(async () => {
        const journal = await books.api.get<{ items: JournalEntryView[] }>('/v1/finance/journal-entries');
        const found = journal.body.items.find((e) => e.sourceKey === `invoice-paid:${payment.invoiceId}`);
        expect(found).toBeDefined();
        return found!;
      });
      expect(entry).toMatchObject({
        postedOn: '2026-08-01',
        datedOriginally: '2026-07-15',
        lateReference: 'late: 2026-07-15, July 2026 closed',
      });
      expect(await retriedPayments()).toBe(retriesBefore);
    });
  });

  it.each([
    ['POST', '/v1/finance/periods/2026-13/close', undefined, 'month'],
    ['POST', '/v1/finance/periods/october/close', undefined, 'month'],
    ['POST', '/v1/finance/periods/2026-9/reopen', { reason: 'a reason' }, 'month'],
    ['POST', '/v1/finance/periods/2026-09/reopen', { reason: 'a reason', month: '2026-08' }, 'month'],
    ['GET', '/v1/finance/trial-balance?asOf=2026-02-30', undefined, 'asOf'],
    ['GET', '/v1/finance/trial-balance?asOf=yesterday', undefined, 'asOf'],
    ['GET', '/v1/finance/accounts/00000000-0000-4000-8000-000000000000/balance?asOf=2026-10', undefined, 'asOf'],
  ])('answers %s %s with 400 naming the field, changing nothing', async (method, path, body, field) => {
    const before = await periods();
    const response = await agency.api.send<{ errors: { field: string }[] }>(method, path, body);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.errors.map((e) => e.field)).toContain(field);
    expect(await periods()).toEqual(before);
  });
});
