import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { JournalEntryListResponse, ReconciliationImportListResponse, ReconciliationImportView } from '@libs/contracts';
import { eventually } from '@libs/testing';
import { FakeStripe, RecordedApiRequest, startFakeStripe } from './stripe-fake';
import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { bankCsv, camt053, stripeReport } from './support/reconciliation-files';
import { linkStripe, StripeLinkedAgency } from './support/subscription-fixtures';
import { TestSuite } from './support/test-suite';

interface Problem {
  status: number;
  errors?: { field: string; message: string }[];
}

const CSV = { 'content-type': 'text/csv' };
const XML = { 'content-type': 'application/xml' };
const NOV_20 = Date.UTC(2026, 10, 20) / 1000;

describe('reconciliation imports', () => {
  let fake: FakeStripe;
  let suite: TestSuite;
  let api: Api;
  let db: Client;

  beforeAll(async () => {
    fake = await startFakeStripe();
    suite = await TestSuite.start(['gateway', 'subscriptions', 'payments', 'finance'], {
      STRIPE_API_URL: fake.url,
      RECONCILIATION_STALE_AFTER_S: '10',
    });
    api = new Api(await suite.gatewayUrl());
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await suite?.close();
    await fake?.close();
  });

  /** An agency whose books (and billing settings) are provisioned. */
  async function agency(): Promise<TestAgency> {
    const created = await createAgency(api, suite.operatorToken);
    await eventually(async () =>
      expect((await created.api.get<{ items: unknown[] }>('/v1/finance/accounts')).body.items?.length).toBeGreaterThan(
        0,
      ),
    );
    await eventually(async () =>
      expect((await created.api.get('/v1/subscriptions/billing-settings')).status).toBe(200),
    );
    return created;
  }

  async function rowsOf(
    table: string,
    tenantId: string,
    columns: string,
    order: string,
  ): Promise<Record<string, string>[]> {
    return (
      await db.query(`SELECT ${columns} FROM finance.${table} WHERE tenant_id = $1 ORDER BY ${order}`, [tenantId])
    ).rows;
  }

  async function imports(of: TestAgency): Promise<ReconciliationImportView[]> {
    const response = await of.api.get<ReconciliationImportListResponse>('/v1/finance/reconciliation/imports');
    expect(response.status).toBe(200);
    return response.body.items;
  }

  describe("Stripe's balance report", () => {
    it('imports each transaction in exact minor units (VND in whole dong) and, imported again, imports nothing', async () => {
      const a = await agency();
      const report = stripeReport([
        {
          id: 'txn_vnd1',
          created: '2026-11-20 03:00:00',
          currency: 'vnd',
          gross: '100000',
          fee: '5400',
          net: '94600',
          category: 'charge',
          source: 'ch_vnd1',
        },
        {
          id: 'txn_usd1',
          created: '2026-11-20 04:00:00',
          currency: 'usd',
          gross: '10.29',
          fee: '0.59',
          net: '9.70',
          category: 'charge',
          source: 'ch_usd1',
          description: 'Gói "Premium", tháng 11',
        },
        {
          id: 'txn_usd2',
          created: '2026-11-21 05:00:00',
          currency: 'usd',
          gross: '-0.29',
          fee: '0.00',
          net: '-0.29',
          category: 'refund',
          source: 're_usd2',
        },
      ]);
      const first = await a.api.post<ReconciliationImportView>(
        '/v1/finance/reconciliation/imports/stripe-csv',
        report,
        CSV,
      );
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        source: 'stripe-csv',
        status: 'succeeded',
        phase: 'done',
        percent: 100,
        rows: { read: 3, imported: 3, alreadyImported: 0, skipped: 0 },
      });
      expect(
        await rowsOf(
          'stripe_balance_transactions',
          a.tenantId,
          'id, currency, amount::text, fee::text, net::text, reporting_category, source_id, description',
          'id',
        ),
      ).toEqual([
        {
          id: 'txn_usd1',
          currency: 'USD',
          amount: '1029',
          fee: '59',
          net: '970',
          reporting_category: 'charge',
          source_id: 'ch_usd1',
          description: 'Gói "Premium", tháng 11',
        },
        {
          id: 'txn_usd2',
          currency: 'USD',
          amount: '-29',
          fee: '0',
          net: '-29',
          reporting_category: 'refund',
          source_id: 're_usd2',
          description: null,
        },
        {
          id: 'txn_vnd1',
          currency: 'VND',
          amount: '100000',
          fee: '5400',
          net: '94600',
          reporting_category: 'charge',
          source_id: 'ch_vnd1',
          description: null,
        },
      ]);

      const again = await a.api.post<ReconciliationImportView>(
        '/v1/finance/reconciliation/imports/stripe-csv',
        report,
        CSV,
      );
      expect(again.status).toBe(201);
      expect(again.body.rows).toEqual({ read: 3, imported: 0, alreadyImported: 3, skipped: 0 });
      expect(await rowsOf('stripe_balance_transactions', a.tenantId, 'id', 'id')).toHaveLength(3);
      expect((await imports(a)).map((i) => i.id)).toEqual([again.body.id, first.body.id]);
    });

    it('books a payout it shows: Dr Bank, Cr Stripe balance, once however often it is imported', async () => {
      const a = await agency();
      const report = stripeReport([
        {
          id: 'txn_po1',
          created: '2026-11-20 00:00:00',
          availableOn: '2026-11-22 00:00:00',
          currency: 'vnd',
          gross: '-5000000',
          fee: '0',
          net: '-5000000',
          category: 'payout',
          source: 'po_1abcdefgh',
        },
      ]);
      for (let i = 0; i < 2; i++)
        expect((await a.api.post('/v1/finance/reconciliation/imports/stripe-csv', report, CSV)).status).toBe(201);
      expect(
        await rowsOf(
          'stripe_payouts',
          a.tenantId,
          "id, amount::text, currency, to_char(arrival_date, 'YYYY-MM-DD') AS arrival",
          'id',
        ),
      ).toEqual([{ id: 'po_1abcdefgh', amount: '5000000', currency: 'VND', arrival: '2026-11-22' }]);
      const journal = await a.api.get<JournalEntryListResponse>('/v1/finance/journal-entries');
      const payoutEntries = journal.body.items.filter((e) => e.sourceKey === 'stripe-payout:po_1abcdefgh');
      expect(payoutEntries).toHaveLength(1);
      expect(payoutEntries[0]).toMatchObject({ postedOn: '2026-11-20' });
      expect(payoutEntries[0].postings.map((p) => [p.accountCode, p.currency, p.amount])).toEqual([
        ['1200', 'VND', '5000000'],
        ['1100', 'VND', '-5000000'],
      ]);
    });

    it('refuses a report with a bad row, naming each bad line, and imports nothing of it', async () => {
      const a = await agency();
      const report = stripeReport([
        {
          id: 'txn_ok1',
          created: '2026-11-20 03:00:00',
          currency: 'usd',
          gross: '10.00',
          fee: '0.59',
          net: '9.41',
          category: 'charge',
          source: 'ch_ok1',
        },
        {
          id: 'txn_bad1',
          created: '2026-11-20 03:00:00',
          currency: 'usd',
          gross: '10.001',
          fee: '0.59',
          net: '9.411',
          category: 'charge',
          source: 'ch_bad1',
        },
        {
          id: 'txn_ok2',
          created: '2026-11-20 03:00:00',
          currency: 'vnd',
          gross: '99000',
          fee: '5366',
          net: '93634',
          category: 'charge',
          source: 'ch_ok2',
        },
        {
          id: 'txn_bad2',
          created: '2026-11-20 03:00:00',
          currency: 'vnd',
          gross: '99000.50',
          fee: '0',
          net: '99000.50',
          category: 'charge',
          source: 'ch_bad2',
        },
        {
          id: 'txn_bad3',
          created: '2026-11-20 03:00:00',
          currency: 'xyz',
          gross: '1',
          fee: '0',
          net: '1',
          category: 'charge',
          source: 'ch_bad3',
        },
      ]);
      const refused = await a.api.post<Problem>('/v1/finance/reconciliation/imports/stripe-csv', report, CSV);
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body.errors).toEqual([
        { field: 'line 3', message: 'gross: "10.001" has more decimals than USD has (2)' },
        { field: 'line 5', message: 'gross: "99000.50" has more decimals than VND has (0)' },
        { field: 'line 6', message: 'currency "xyz" is not supported' },
      ]);
      expect(await rowsOf('stripe_balance_transactions', a.tenantId, 'id', 'id')).toEqual([]);
      expect(await imports(a)).toEqual([]);
    });

    it('refuses a file that is not a balance report, and a body that is not CSV', async () => {
      const a = await agency();
      const wrong = await a.api.post<Problem>(
        '/v1/finance/reconciliation/imports/stripe-csv',
        bankCsv([{ date: '2026-11-20', amount: '1', currency: 'USD', reference: 'R1' }]),
        CSV,
      );
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([
        { field: 'line 1', message: expect.stringContaining('missing column balance_transaction_id') },
      ]);
      const json = await a.api.post('/v1/finance/reconciliation/imports/stripe-csv', { content: 'x' });
      expect(json.status).toBe(415);
      expect(await imports(a)).toEqual([]);
    });
  });

  describe('bank statements', () => {
    it('imports a CSV statement, credits and debits, and imports nothing of it the second time', async () => {
      const a = await agency();
      const statement = bankCsv([
        {
          date: '2026-11-22',
          amount: '5000000',
          currency: 'VND',
          reference: 'VCB-0001',
          counterparty: 'STRIPE PAYMENTS SINGAPORE',
          description: 'STRIPE PAYOUT po_1abcdefgh',
        },
        {
          date: '2026-11-23',
          amount: '-22000',
          currency: 'VND',
          reference: 'VCB-0002',
          counterparty: 'Vietcombank',
          description: 'Phí chuyển khoản',
        },
      ]);
      const first = await a.api.post<ReconciliationImportView>(
        '/v1/finance/reconciliation/imports/bank-csv',
        statement,
        CSV,
      );
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ source: 'bank-csv', rows: { read: 2, imported: 2, alreadyImported: 0 } });
      expect(
        await rowsOf(
          'bank_statement_lines',
          a.tenantId,
          "reference, to_char(booked_on, 'YYYY-MM-DD') AS booked_on, amount::text, currency, payout_reference",
          'reference',
        ),
      ).toEqual([
        {
          reference: 'VCB-0001',
          booked_on: '2026-11-22',
          amount: '5000000',
          currency: 'VND',
          payout_reference: 'po_1abcdefgh',
        },
        { reference: 'VCB-0002', booked_on: '2026-11-23', amount: '-22000', currency: 'VND', payout_reference: null },
      ]);
      const again = await a.api.post<ReconciliationImportView>(
        '/v1/finance/reconciliation/imports/bank-csv',
        statement,
        CSV,
      );
      expect(again.body.rows).toMatchObject({ read: 2, imported: 0, alreadyImported: 2 });
    });

    it('refuses a CSV statement with wrong columns or a bad line, importing nothing of it', async () => {
      const a = await agency();
      const columns = await a.api.post<Problem>(
        '/v1/finance/reconciliation/imports/bank-csv',
        'booking date,amount,currency,reference,counterparty\n',
        CSV,
      );
      expect(columns.status).toBe(400);
      expect(columns.body.errors).toEqual([
        { field: 'line 1', message: expect.stringContaining('missing column date; unknown column booking date') },
      ]);
      const lines = await a.api.post<Problem>(
        '/v1/finance/reconciliation/imports/bank-csv',
        bankCsv([
          { date: '2026-11-22', amount: '100', currency: 'VND', reference: 'OK-1' },
          { date: '2026-11-22', amount: '12,50', currency: 'EUR', reference: 'BAD-1' },
          { date: '2026-11-22', amount: '100', currency: 'DONG', reference: 'BAD-2' },
        ]),
        CSV,
      );
      expect(lines.status).toBe(400);
      expect(lines.body.errors).toEqual([
        { field: 'line 3', message: 'expected 6 fields as in the header, found 7' },
        { field: 'line 4', message: 'currency "DONG" is not supported' },
      ]);
      expect(await rowsOf('bank_statement_lines', a.tenantId, 'reference', 'reference')).toEqual([]);
      expect(await imports(a)).toEqual([]);
    });

    it('imports a camt.053 statement: booked entries signed by direction, pending ones skipped, once', async () => {
      const a = await agency();
      const statement = camt053([
        {
          amount: '5000000',
          currency: 'VND',
          bookedOn: '2026-11-22',
          reference: 'CAMT-0001',
          remittance: ['STRIPE PAYOUT', 'po_2abcdefgh'],
        },
        {
          amount: '22000',
          currency: 'VND',
          direction: 'DBIT',
          bookedOn: '2026-11-23',
          reference: 'CAMT-0002',
          counterparty: 'Vietcombank',
          remittance: ['Phí'],
        },
        { amount: '700000', currency: 'VND', status: 'PDNG', bookedOn: '2026-11-24', reference: 'CAMT-0003' },
      ]);
      const first = await a.api.post<ReconciliationImportView>(
        '/v1/finance/reconciliation/imports/camt053',
        statement,
        XML,
      );
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        source: 'camt053',
        rows: { read: 3, imported: 2, alreadyImported: 0, skipped: 1 },
      });
      expect(
        await rowsOf(
          'bank_statement_lines',
          a.tenantId,
          'reference, amount::text, counterparty, remittance, payout_reference',
          'reference',
        ),
      ).toEqual([
        {
          reference: 'CAMT-0001',
          amount: '5000000',
          counterparty: 'STRIPE PAYMENTS SINGAPORE PTE LTD',
          remittance: 'STRIPE PAYOUT po_2abcdefgh',
          payout_reference: 'po_2abcdefgh',
        },
        {
          reference: 'CAMT-0002',
          amount: '-22000',
          counterparty: 'Vietcombank',
          remittance: 'Phí',
          payout_reference: null,
        },
      ]);
      const again = await a.api.post<ReconciliationImportView>(
        '/v1/finance/reconciliation/imports/camt053',
        statement,
        { 'content-type': 'text/xml; charset=utf-8' },
      );
      expect(again.status).toBe(201);
      expect(again.body.rows).toMatchObject({ imported: 0, alreadyImported: 2, skipped: 1 });
    });

    it('refuses malformed XML naming its line, and a bad entry naming it, importing nothing', async () => {
      const a = await agency();
      const good = { amount: '5000000', currency: 'VND', bookedOn: '2026-11-22', reference: 'CAMT-1' };
      const malformed = camt053([good]).replace('</CdtDbtInd>', '</CdtDbtIndicator>');
      const broken = await a.api.post<Problem>('/v1/finance/reconciliation/imports/camt053', malformed, XML);
      expect(broken.status).toBe(400);
      expect(broken.body.errors).toEqual([
        { field: expect.stringMatching(/^line \d+$/), message: expect.stringContaining('malformed XML') },
      ]);
      const badEntries = camt053([
        good,
        { ...good, reference: 'CAMT-2', amount: '12.5' },
        { ...good, reference: 'CAMT-3', currency: 'USD' },
      ]);
      const refused = await a.api.post<Problem>('/v1/finance/reconciliation/imports/camt053', badEntries, XML);
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([
        { field: 'Ntry[1].Amt', message: '"12.5" has more decimals than VND has (0)' },
        { field: 'Ntry[2].Amt', message: "currency USD is not the account's currency VND" },
      ]);
      expect(await rowsOf('bank_statement_lines', a.tenantId, 'reference', 'reference')).toEqual([]);
      expect(await imports(a)).toEqual([]);
      expect((await a.api.post('/v1/finance/reconciliation/imports/camt053', camt053([good]), CSV)).status).toBe(415);
    });
  });

  describe('from the Stripe API', () => {
    /**
     * `seeded` charges (one a second from Nov 20 on), then 3 payouts an hour later, each with its
     * balance transaction; answers the balance transaction ids newest first, as Stripe lists them.
     */
    function seedActivity(stripe: StripeLinkedAgency, seeded: number): string[] {
      const charges = fake.seedBalanceTransactions(
        stripe.stripeKey,
        Array.from({ length: seeded }, (_, i) => ({
          created: NOV_20 + i,
          amount: 99000 + i,
          fee: 3366,
          currency: 'vnd',
          source: `ch_seed${i}`,
          type: 'charge' as const,
        })),
      );
      const payouts = fake.seedPayouts(
        stripe.stripeKey,
        [0, 1, 2].map((i) => ({ created: NOV_20 + 3600 + i, amount: 1_000_000 * (i + 1), currency: 'vnd' })),
      );
      return [...charges.map((t) => t.id), ...payouts.map((p) => String(p.balance_transaction))].reverse();
    }

    /** The `starting_after` of each balance transaction list call since `from` (null: the first page). */
    function pagesAsked(
      stripe: StripeLinkedAgency,
      from: number,
      path = '/v1/balance_transactions',
    ): (string | null)[] {
      return fake
        .apiRequests(stripe.stripeKey)
        .slice(from)
        .filter((r) => r.method === 'GET' && r.path === path)
        .map((r) => (typeof r.params.starting_after === 'string' ? r.params.starting_after : null));
    }

    async function startImport(stripe: StripeLinkedAgency): Promise<ReconciliationImportView> {
      const response = await stripe.api.post<ReconciliationImportView>('/v1/finance/reconciliation/imports', {
        source: 'stripe-api',
        from: '2026-11-20T00:00:00Z',
        to: '2026-11-21T00:00:00Z',
      });
      expect(response.status).toBe(202);
      expect(response.headers.get('location')).toBe(`/v1/finance/reconciliation/imports/${response.body.id}`);
      return response.body;
    }

    function importEnded(stripe: StripeLinkedAgency, id: string): Promise<ReconciliationImportView> {
      return eventually(async () => {
        const response = await stripe.api.get<ReconciliationImportView>(`/v1/finance/reconciliation/imports/${id}`);
        expect(response.body.status).toBe('succeeded');
        return response.body;
      }, 30_000);
    }

    it('reads balance transactions then payouts page by page (100 a page, the range asked), showing progress', async () => {
      const stripe = await linkStripe(await agency(), fake, api.baseUrl);
      const newestFirst = seedActivity(stripe, 250);
      fake.seedBalanceTransactions(stripe.stripeKey, [{ created: NOV_20 + 86_400, amount: 5, currency: 'vnd' }]); // after the range
      const from = fake.apiRequests(stripe.stripeKey).length;
      const job = await startImport(stripe);
      expect(job).toMatchObject({
        source: 'stripe-api',
        status: 'queued',
        phase: 'balance-transactions',
        from: '2026-11-20T00:00:00.000Z',
        to: '2026-11-21T00:00:00.000Z',
      });

      const done = await importEnded(stripe, job.id);
      // 253 balance transactions in 3 pages, then 3 payouts in one.
      expect(done).toMatchObject({
        phase: 'done',
        percent: 100,
        pages: 4,
        rows: { read: 256, imported: 256, alreadyImported: 0 },
        errors: [],
      });
      expect(done.rowsPerSecond).toBeGreaterThan(0);
      expect(pagesAsked(stripe, from)).toEqual([null, newestFirst[99], newestFirst[199]]);
      expect(pagesAsked(stripe, from, '/v1/payouts')).toEqual([null]);
      const asked = fake
        .apiRequests(stripe.stripeKey)
        .slice(from)
        .filter((r) => r.path === '/v1/balance_transactions');
      expect(asked.map((r) => r.params)).toEqual(
        asked.map(() =>
          expect.objectContaining({ limit: '100', created: { gte: String(NOV_20), lt: String(NOV_20 + 86_400) } }),
        ),
      );
      expect(await rowsOf('stripe_balance_transactions', stripe.tenantId, 'count(*)::int AS n', '1')).toEqual([
        { n: 253 },
      ]);
      expect(await rowsOf('stripe_payouts', stripe.tenantId, 'amount::text', 'amount')).toEqual([
        { amount: '1000000' },
        { amount: '2000000' },
        { amount: '3000000' },
      ]);

      const again = await importEnded(stripe, (await startImport(stripe)).id);
      expect(again.rows).toMatchObject({ read: 256, imported: 0, alreadyImported: 256 });
    });

    it('resumes an import whose instance went silent from its cursor: the first page is not read again', async () => {
      const stripe = await linkStripe(await agency(), fake, api.baseUrl);
      const newestFirst = seedActivity(stripe, 250);
      const from = fake.apiRequests(stripe.stripeKey).length;
      const secondPage = (r: RecordedApiRequest) =>
        r.method === 'GET' && r.path === '/v1/balance_transactions' && r.params.starting_after !== undefined;
      const stuck = fake.holdRequest(stripe.stripeKey, secondPage);
      const [silent] = suite.instances('finance');

      const job = await startImport(stripe);
      await stuck.arrived; // page 1 is stored with its cursor; the instance now waits and beats no more
      expect(
        await silent
          .get(DataSource)
          .query(`SELECT pages, rows_read, resume_cursor FROM finance.reconciliation_imports WHERE id = $1`, [job.id]),
      ).toEqual([{ pages: 1, rows_read: 100, resume_cursor: newestFirst[99] }]);
      await db.query(
        `UPDATE finance.reconciliation_imports SET heartbeat_at = now() - interval '1 hour' WHERE id = $1`,
        [job.id],
      );
      await suite.startInstance('finance');

      const done = await importEnded(stripe, job.id);
      expect(done).toMatchObject({ pages: 4, rows: { read: 256, imported: 256, alreadyImported: 0 } });
      stuck.release();
      await suite.stopInstance('finance', silent);
      expect((await stripe.api.get(`/v1/finance/reconciliation/imports/${job.id}`)).body).toEqual(done);
      // Page 2 was asked twice (by the silent instance, then by the one that took over); page 1 once.
      expect(pagesAsked(stripe, from)).toEqual([null, newestFirst[99], newestFirst[99], newestFirst[199]]);
      expect(await rowsOf('stripe_balance_transactions', stripe.tenantId, 'count(*)::int AS n', '1')).toEqual([
        { n: 253 },
      ]);
    });

    it('refuses a second import while one is under way, and one for an agency without Stripe', async () => {
      const stripe = await linkStripe(await agency(), fake, api.baseUrl);
      seedActivity(stripe, 1);
      const held = fake.holdRequest(stripe.stripeKey, (r) => r.path === '/v1/balance_transactions');
      const job = await startImport(stripe);
      await held.arrived;
      const second = await stripe.api.post<Problem>('/v1/finance/reconciliation/imports', {
        source: 'stripe-api',
        from: '2026-11-20T00:00:00Z',
        to: '2026-11-21T00:00:00Z',
      });
      expect(second.status).toBe(409);
      held.release();
      await importEnded(stripe, job.id);

      const unlinked = await agency();
      const refused = await unlinked.api.post<ReconciliationImportView>('/v1/finance/reconciliation/imports', {
        source: 'stripe-api',
        from: '2026-11-20T00:00:00Z',
        to: '2026-11-21T00:00:00Z',
      });
      expect(refused.status).toBe(202);
      const failed = await eventually(async () => {
        const response = await unlinked.api.get<ReconciliationImportView>(
          `/v1/finance/reconciliation/imports/${refused.body.id}`,
        );
        expect(response.body.status).toBe('failed');
        return response.body;
      });
      expect(failed.errors).toEqual([expect.stringContaining('configure the Stripe account first')]);
      const badRange = await unlinked.api.post<Problem>('/v1/finance/reconciliation/imports', {
        source: 'stripe-api',
        from: '2026-11-21T00:00:00Z',
        to: '2026-11-20T00:00:00Z',
      });
      expect(badRange.status).toBe(400);
      expect(badRange.body.errors).toEqual([{ field: 'to', message: 'to must be after from' }]);
    });
  });
});
