import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  EventEnvelope,
  InvoicePaid,
  InvoicePaidEvent,
  JournalEntryListResponse,
  JournalEntryView,
  ReconciliationExceptionListResponse,
  ReconciliationExceptionView,
  ReconciliationRunView,
  TrialBalanceResponse,
} from '@libs/contracts';
import { eventually } from '@libs/testing';
import { FakeStripe, startFakeStripe } from './stripe-fake';
import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { JetStreamProbe } from './support/jetstream';
import { bankCsv, stripeReport } from './support/reconciliation-files';
import { createMonthlyPlan, linkStripe, openCheckout } from './support/subscription-fixtures';
import { TestSuite } from './support/test-suite';

interface Payment {
  invoiceId: string;
  chargeId: string | null;
  currency: string;
  paid: number;
  fee: number;
}

interface Problem {
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

interface AuditItem {
  service: string;
  actor: string;
  action: string;
  targetId: string;
  after: Record<string, unknown> | null;
}

const CSV = { 'content-type': 'text/csv' };
const PAID_AT = '2026-11-20T03:00:00.000Z';

function paidEnvelope(tenantId: string, payment: Payment): EventEnvelope<InvoicePaidEvent> {
  return {
    id: randomUUID(),
    type: InvoicePaid.subject,
    source: 'subscriptions',
    tenantId,
    time: PAID_AT,
    subject: randomUUID(),
    dataVersion: '1',
    data: {
      subscriptionId: randomUUID(),
      planId: randomUUID(),
      priceId: randomUUID(),
      providerInvoiceId: payment.invoiceId,
      providerChargeId: payment.chargeId,
      providerBalanceTransactionId: null,
      currency: payment.currency,
      amountPaid: String(payment.paid),
      tax: '0',
      providerFee: String(payment.fee),
      servicePeriodStart: PAID_AT,
      servicePeriodEnd: '2026-12-20T03:00:00.000Z',
      paidAt: PAID_AT,
    },
  };
}

describe('reconciliation: Stripe and the bank against the books', () => {
  let fake: FakeStripe;
  let suite: TestSuite;
  let api: Api;
  let probe: JetStreamProbe;
  let db: Client;

  beforeAll(async () => {
    fake = await startFakeStripe();
    suite = await TestSuite.start(['gateway', 'subscriptions', 'payments', 'finance'], { STRIPE_API_URL: fake.url });
    api = new Api(await suite.gatewayUrl());
    probe = await JetStreamProbe.connect(suite.nats.url);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await probe?.close();
    await suite?.close();
    await fake?.close();
  });

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

  /** Publishes the payments and waits until the ledger booked each and reconciliation keyed each charge. */
  async function pay(of: TestAgency, payments: Payment[]): Promise<void> {
    for (const payment of payments) await probe.publish(paidEnvelope(of.tenantId, payment));
    await eventually(async () => {
      const { rows } = await db.query<{ entries: number; keys: number }>(
        `SELECT (SELECT count(*) FROM finance.journal_entries WHERE tenant_id = $1 AND source_key = ANY($2))::int AS entries,
                (SELECT count(*) FROM finance.stripe_ledger_keys WHERE tenant_id = $1 AND source_key = ANY($2))::int AS keys`,
        [of.tenantId, payments.map((p) => `invoice-paid:${p.invoiceId}`)],
      );
      expect(rows[0]).toEqual({ entries: payments.length, keys: payments.filter((p) => p.chargeId).length });
    });
  }

  async function run(of: TestAgency, body: object = {}): Promise<ReconciliationRunView> {
    const started = await of.api.post<ReconciliationRunView>('/v1/finance/reconciliation/runs', body);
    expect(started.status).toBe(202);
    expect(started.headers.get('location')).toBe(`/v1/finance/reconciliation/runs/${started.body.id}`);
    return eventually(async () => {
      const response = await of.api.get<ReconciliationRunView>(`/v1/finance/reconciliation/runs/${started.body.id}`);
      expect(response.body.status).toBe('succeeded');
      return response.body;
    });
  }

  async function exceptions(of: TestAgency, query = ''): Promise<ReconciliationExceptionView[]> {
    const response = await of.api.get<ReconciliationExceptionListResponse>(
      `/v1/finance/reconciliation/exceptions?limit=100${query}`,
    );
    expect(response.status).toBe(200);
    return response.body.items;
  }

  async function journal(of: TestAgency): Promise<JournalEntryView[]> {
    return (await of.api.get<JournalEntryListResponse>('/v1/finance/journal-entries?limit=100')).body.items;
  }

  async function balances(of: TestAgency, code: string): Promise<Record<string, string>> {
    const trial = await of.api.get<TrialBalanceResponse>('/v1/finance/trial-balance');
    return Object.fromEntries(trial.body.lines.filter((l) => l.code === code).map((l) => [l.currency, l.balance]));
  }

  it('finds nothing to report for a subscription paid at Stripe, imported through the API', async () => {
    const linked = await linkStripe(await agency(), fake, api.baseUrl);
    const { planId } = await createMonthlyPlan(linked);
    await fake.completeCheckout(await openCheckout(linked, planId, { readerId: 'reader-1' }));
    // Billed (receivable) and collected (the Stripe balance): the collection is what Stripe's charge matches.
    const entry = await eventually(async () => {
      const collected = (await journal(linked)).filter((e) => e.sourceKey.startsWith('invoice-paid:'));
      expect(collected).toHaveLength(1);
      return collected[0];
    });
    await eventually(async () => {
      const { rows } = await db.query(`SELECT entry_id FROM finance.stripe_ledger_keys WHERE tenant_id = $1`, [
        linked.tenantId,
      ]);
      expect(rows).toHaveLength(1);
    });
    const now = Date.now();
    const started = await linked.api.post<{ id: string }>('/v1/finance/reconciliation/imports', {
      source: 'stripe-api',
      from: new Date(now - 3_600_000).toISOString(),
      to: new Date(now + 3_600_000).toISOString(),
    });
    expect(started.status).toBe(202);
    await eventually(async () =>
      expect(
        (await linked.api.get<{ status: string }>(`/v1/finance/reconciliation/imports/${started.body.id}`)).body.status,
      ).toBe('succeeded'),
    );

    const outcome = await run(linked);
    expect(outcome).toMatchObject({ stripeTransactions: 1, matched: 1, exceptionsOpened: 0, exceptionsCleared: 0 });
    expect(await exceptions(linked)).toEqual([]);
    const { rows } = await db.query(
      `SELECT entry_id, amount::text FROM finance.stripe_ledger_keys WHERE tenant_id = $1`,
      [linked.tenantId],
    );
    expect(rows).toEqual([
      { entry_id: entry.id, amount: entry.postings.find((p) => p.accountCode === '1100')!.amount },
    ]);
  });

  describe('every kind of difference, found and resolved', () => {
    let a: TestAgency;
    let found: ReconciliationExceptionView[];
    const byKind = (kind: string, scope = 'stripe-ledger') => {
      const match = found.filter((x) => x.kind === kind && x.scope === scope);
      expect(match).toHaveLength(1);
      return match[0];
    };

    beforeAll(async () => {
      a = await agency();
      await pay(a, [
        { invoiceId: 'in_match', chargeId: 'ch_match', currency: 'USD', paid: 1029, fee: 59 },
        { invoiceId: 'in_amount', chargeId: 'ch_amount', currency: 'USD', paid: 10000, fee: 320 },
        { invoiceId: 'in_currency', chargeId: 'ch_currency', currency: 'VND', paid: 100000, fee: 5400 },
        { invoiceId: 'in_missing', chargeId: 'ch_missing', currency: 'USD', paid: 5000, fee: 175 },
        { invoiceId: 'in_dup1', chargeId: 'ch_dup', currency: 'USD', paid: 2000, fee: 88 },
        { invoiceId: 'in_dup2', chargeId: 'ch_dup', currency: 'USD', paid: 2000, fee: 88 },
        { invoiceId: 'in_nocharge', chargeId: null, currency: 'USD', paid: 3000, fee: 132 },
      ]);
      const created = '2026-11-20 03:00:01';
      const report = stripeReport([
        {
          id: 'txn_match',
          created,
          currency: 'usd',
          gross: '10.29',
          fee: '0.59',
          net: '9.70',
          category: 'charge',
          source: 'ch_match',
        },
        {
          id: 'txn_amount',
          created,
          currency: 'usd',
          gross: '100.00',
          fee: '4.00',
          net: '96.00',
          category: 'charge',
          source: 'ch_amount',
        },
        {
          id: 'txn_currency',
          created,
          currency: 'usd',
          gross: '4.00',
          fee: '0.00',
          net: '4.00',
          category: 'charge',
          source: 'ch_currency',
        },
        {
          id: 'txn_dup',
          created,
          currency: 'usd',
          gross: '20.00',
          fee: '0.88',
          net: '19.12',
          category: 'charge',
          source: 'ch_dup',
        },
        {
          id: 'txn_orphan',
          created,
          currency: 'usd',
          gross: '30.00',
          fee: '1.32',
          net: '28.68',
          category: 'charge',
          source: 'ch_orphan',
        },
        {
          id: 'txn_po1',
          created: '2026-11-20 00:00:00',
          availableOn: '2026-11-22 00:00:00',
          currency: 'vnd',
          gross: '-5000000',
          fee: '0',
          net: '-5000000',
          category: 'payout',
          source: 'po_1reconcile',
        },
        {
          id: 'txn_po2',
          created: '2026-11-20 00:00:00',
          availableOn: '2026-11-22 00:00:00',
          currency: 'usd',
          gross: '-100.00',
          fee: '0.00',
          net: '-100.00',
          category: 'payout',
          source: 'po_2reconcile',
        },
        {
          id: 'txn_po3',
          created: '2026-11-20 00:00:00',
          availableOn: '2026-11-22 00:00:00',
          currency: 'vnd',
          gross: '-700000',
          fee: '0',
          net: '-700000',
          category: 'payout',
          source: 'po_3reconcile',
        },
      ]);
      expect((await a.api.post('/v1/finance/reconciliation/imports/stripe-csv', report, CSV)).status).toBe(201);
      const statement = bankCsv([
        {
          date: '2026-11-22',
          amount: '5000000',
          currency: 'VND',
          reference: 'B-1',
          counterparty: 'STRIPE PAYMENTS',
          description: 'STRIPE PAYOUT po_1reconcile',
        },
        {
          date: '2026-11-23',
          amount: '99.50',
          currency: 'USD',
          reference: 'B-2',
          counterparty: 'STRIPE PAYMENTS',
          description: 'STRIPE PAYOUT po_2reconcile',
        },
        {
          date: '2026-11-23',
          amount: '5000000',
          currency: 'VND',
          reference: 'B-3',
          counterparty: 'STRIPE PAYMENTS',
          description: 'STRIPE PAYOUT po_1reconcile',
        },
        {
          date: '2026-11-24',
          amount: '1234000',
          currency: 'VND',
          reference: 'B-4',
          counterparty: 'STRIPE PAYMENTS SINGAPORE',
        },
        { date: '2026-11-29', amount: '700000', currency: 'VND', reference: 'B-6', counterparty: 'ACME CLEARING' },
        {
          date: '2026-11-30',
          amount: '-22000',
          currency: 'VND',
          reference: 'B-5',
          counterparty: 'Vietcombank',
          description: 'Phí',
        },
      ]);
      expect((await a.api.post('/v1/finance/reconciliation/imports/bank-csv', statement, CSV)).status).toBe(201);
      const outcome = await run(a);
      expect(outcome).toMatchObject({
        stripeTransactions: 8,
        matched: 5,
        payoutsMatched: 1,
        exceptionsOpened: 9,
        exceptionsCleared: 0,
      });
      found = await exceptions(a);
    });

    it('reports each difference once, with both sides of it', () => {
      expect(found.map((x) => `${x.scope} ${x.kind}`).sort()).toEqual([
        'payout-bank amount-mismatch',
        'payout-bank duplicate',
        'payout-bank missing-at-bank',
        'payout-bank missing-at-stripe',
        'stripe-ledger amount-mismatch',
        'stripe-ledger currency-mismatch',
        'stripe-ledger duplicate',
        'stripe-ledger missing-at-stripe',
        'stripe-ledger missing-in-ledger',
      ]);
      expect(found.every((x) => x.status === 'open' && x.resolution === null)).toBe(true);
      expect(byKind('missing-in-ledger')).toMatchObject({
        stripeTransactionId: 'txn_orphan',
        stripeSourceId: 'ch_orphan',
        statementCurrency: 'USD',
        statementAmount: '2868',
        bookedAmount: null,
      });
      expect(byKind('amount-mismatch')).toMatchObject({
        stripeTransactionId: 'txn_amount',
        ledgerSourceKey: 'invoice-paid:in_amount',
        statementAmount: '9600',
        bookedCurrency: 'USD',
        bookedAmount: '9680',
        detail:
          'Stripe transaction txn_amount (charge ch_amount) nets 9600 USD; journal entry invoice-paid:in_amount posts 9680 USD to the Stripe balance',
      });
      expect(byKind('currency-mismatch')).toMatchObject({
        statementCurrency: 'USD',
        statementAmount: '400',
        bookedCurrency: 'VND',
        bookedAmount: '94600',
      });
      expect(byKind('missing-at-stripe')).toMatchObject({
        stripeTransactionId: null,
        ledgerSourceKey: 'invoice-paid:in_missing',
        bookedAmount: '4825',
        occurredAt: PAID_AT,
      });
      expect(byKind('duplicate')).toMatchObject({
        ledgerSourceKey: 'invoice-paid:in_dup2',
        stripeSourceId: 'ch_dup',
        bookedAmount: '1912',
      });
      expect(byKind('amount-mismatch', 'payout-bank')).toMatchObject({
        payoutId: 'po_2reconcile',
        bankReference: 'B-2',
        statementAmount: '9950',
        bookedAmount: '10000',
      });
      expect(byKind('duplicate', 'payout-bank')).toMatchObject({
        payoutId: 'po_1reconcile',
        bankReference: 'B-3',
        statementAmount: '5000000',
        bookedAmount: null,
      });
      expect(byKind('missing-at-stripe', 'payout-bank')).toMatchObject({
        payoutId: null,
        bankReference: 'B-4',
        statementAmount: '1234000',
      });
      expect(byKind('missing-at-bank', 'payout-bank')).toMatchObject({
        payoutId: 'po_3reconcile',
        bookedCurrency: 'VND',
        bookedAmount: '700000',
        occurredAt: '2026-11-22T00:00:00.000Z',
      });
    });

    it('filters by kind and status, and shows one exception by id', async () => {
      expect((await exceptions(a, '&kind=duplicate')).map((x) => x.scope).sort()).toEqual([
        'payout-bank',
        'stripe-ledger',
      ]);
      expect(await exceptions(a, '&status=resolved')).toEqual([]);
      const one = await a.api.get<ReconciliationExceptionView>(`/v1/finance/reconciliation/exceptions/${found[0].id}`);
      expect(one.body).toEqual(found[0]);
      const bad = await a.api.get<Problem>('/v1/finance/reconciliation/exceptions?kind=lost');
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.[0].field).toBe('kind');
    });

    it('refuses resolutions that do not fit the exception, changing nothing', async () => {
      const resolve = (x: ReconciliationExceptionView, body: object) =>
        a.api.post<Problem>(`/v1/finance/reconciliation/exceptions/${x.id}/resolution`, body);
      const mismatch = byKind('amount-mismatch');
      const matched = await resolve(mismatch, { action: 'match', entryId: randomUUID(), reason: 'looks the same' });
      expect(matched.status).toBe(400);
      expect(matched.body.errors).toEqual([
        { field: 'action', message: 'an amount-mismatch is settled by adjust or write-off, not by a match' },
      ]);
      const toAsset = await resolve(mismatch, { action: 'write-off', accountCode: '1300', reason: 'lost' });
      expect(toAsset.status).toBe(400);
      expect(toAsset.body.errors).toEqual([
        {
          field: 'accountCode',
          message: 'a write-off goes to an expense or revenue account; 1300 is an asset account',
        },
      ]);
      const noAccount = await resolve(mismatch, { action: 'adjust', reason: 'fee' });
      expect(noAccount.status).toBe(400);
      expect(noAccount.body.errors?.map((e) => e.field)).toEqual(['accountCode']);
      const otherAmount = await resolve(byKind('missing-in-ledger'), {
        action: 'match',
        entryId: (await journal(a)).find((e) => e.sourceKey === 'invoice-paid:in_match')!.id,
        reason: 'same payment',
      });
      expect(otherAmount.status).toBe(409);
      expect(otherAmount.body.detail).toContain('adjust instead of matching');
      expect((await exceptions(a, '&status=open')).length).toBe(9);
    });

    it('resolves each by match, adjustment or write-off, posting the difference once under its own key, audited', async () => {
      const entries = await journal(a);
      const resolve = async (x: ReconciliationExceptionView, body: object) => {
        const response = await a.api.post<ReconciliationExceptionView>(
          `/v1/finance/reconciliation/exceptions/${x.id}/resolution`,
          body,
        );
        expect(response.status).toBe(201);
        expect(response.body).toMatchObject({
          id: x.id,
          status: 'resolved',
          resolution: { resolvedBy: expect.stringMatching(/^api-key:/) },
        });
        return response.body;
      };
      const noCharge = entries.find((e) => e.sourceKey === 'invoice-paid:in_nocharge')!;
      const orphan = await resolve(byKind('missing-in-ledger'), {
        action: 'match',
        entryId: noCharge.id,
        reason: 'the invoice was paid by this charge',
      });
      expect(orphan.resolution).toMatchObject({
        action: 'match',
        entryId: noCharge.id,
        accountCode: null,
        reason: 'the invoice was paid by this charge',
      });
      const amount = await resolve(byKind('amount-mismatch'), {
        action: 'adjust',
        accountCode: '5100',
        reason: 'Stripe took a larger fee',
      });
      await resolve(byKind('currency-mismatch'), {
        action: 'adjust',
        accountCode: '5100',
        reason: 'charged in USD at Stripe',
      });
      await resolve(byKind('missing-at-stripe'), {
        action: 'write-off',
        accountCode: '5200',
        reason: 'the charge never settled',
      });
      await resolve(byKind('duplicate'), { action: 'adjust', accountCode: '2100', reason: 'booked twice' });
      await resolve(byKind('amount-mismatch', 'payout-bank'), {
        action: 'write-off',
        accountCode: '5100',
        reason: 'bank fee on the payout',
      });
      await resolve(byKind('duplicate', 'payout-bank'), {
        action: 'adjust',
        accountCode: '1300',
        reason: 'to be returned to Stripe',
      });
      await resolve(byKind('missing-at-stripe', 'payout-bank'), {
        action: 'adjust',
        accountCode: '2100',
        reason: 'payout from the old account',
      });
      const bankLine = (
        await db.query<{ id: string }>(
          `SELECT id FROM finance.bank_statement_lines WHERE tenant_id = $1 AND reference = 'B-6'`,
          [a.tenantId],
        )
      ).rows[0].id;
      await resolve(byKind('missing-at-bank', 'payout-bank'), {
        action: 'match',
        bankLineId: bankLine,
        reason: 'arrived late, through the clearing house',
      });

      const adjustment = (await journal(a)).find((e) => e.id === amount.resolution!.entryId)!;
      expect(adjustment).toMatchObject({ sourceKey: `reconciliation-adjustment:${amount.id}` });
      expect(adjustment.postings.map((p) => [p.accountCode, p.currency, p.amount])).toEqual([
        ['5100', 'USD', '80'],
        ['1100', 'USD', '-80'],
      ]);
      // With every difference settled, the books' Stripe balance is what Stripe's transactions add up to, per currency.
      expect(await balances(a, '1100')).toEqual({
        USD: String(970 + 9600 + 400 + 1912 + 2868 - 10000),
        VND: '-5700000',
      });
      expect((await balances(a, '1200')).USD).toBe('9950');

      const again = await a.api.post<Problem>(`/v1/finance/reconciliation/exceptions/${amount.id}/resolution`, {
        action: 'adjust',
        accountCode: '5100',
        reason: 'twice',
      });
      expect(again.status).toBe(409);
      const audit = await eventually(async () => {
        const items = (await a.api.get<{ items: AuditItem[] }>('/v1/audit-log?limit=500')).body.items.filter(
          (i) => i.action === 'reconciliation-exception.resolved',
        );
        expect(items).toHaveLength(9);
        return items;
      });
      expect(audit.every((i) => i.service === 'finance' && /^api-key:/.test(i.actor))).toBe(true);
      expect(audit.find((i) => i.targetId === amount.id)?.after).toMatchObject({
        status: 'resolved',
        action: 'adjust',
        accountCode: '5100',
        reason: 'Stripe took a larger fee',
      });
    });

    it('never raises a resolved exception again', async () => {
      const before = await exceptions(a);
      const outcome = await run(a);
      expect(outcome).toMatchObject({ exceptionsOpened: 0, exceptionsCleared: 0 });
      expect(await exceptions(a, '&status=open')).toEqual([]);
      expect(await exceptions(a)).toEqual(before);
      // The two matches now reconcile by themselves; the other differences stay settled by their postings.
      expect(outcome).toMatchObject({ stripeTransactions: 8, matched: 6, payoutsMatched: 0 });
    });
  });

  it('clears an open exception whose difference goes away (the entry arrived late); a cleared one is not resolved', async () => {
    const a = await agency();
    const report = stripeReport([
      {
        id: 'txn_late',
        created: '2026-11-20 03:00:01',
        currency: 'vnd',
        gross: '99000',
        fee: '3366',
        net: '95634',
        category: 'charge',
        source: 'ch_late',
      },
    ]);
    expect((await a.api.post('/v1/finance/reconciliation/imports/stripe-csv', report, CSV)).status).toBe(201);
    expect(await run(a)).toMatchObject({ exceptionsOpened: 1 });
    const [open] = await exceptions(a);
    expect(open).toMatchObject({ kind: 'missing-in-ledger', status: 'open', ledgerSourceKey: null });

    await pay(a, [{ invoiceId: 'in_late', chargeId: 'ch_late', currency: 'VND', paid: 99000, fee: 3366 }]);
    expect(await run(a)).toMatchObject({ matched: 1, exceptionsOpened: 0, exceptionsCleared: 1 });
    expect(await exceptions(a)).toEqual([expect.objectContaining({ id: open.id, status: 'cleared' })]);
    const resolve = await a.api.post<Problem>(`/v1/finance/reconciliation/exceptions/${open.id}/resolution`, {
      action: 'adjust',
      accountCode: '5100',
      reason: 'too late',
    });
    expect(resolve.status).toBe(409);
  });

  it('reports a matched charge again once the entry booking it is reversed, with what the ledger then holds, once', async () => {
    const a = await agency();
    const report = stripeReport([
      {
        id: 'txn_reversed',
        created: '2026-11-20 03:00:01',
        currency: 'vnd',
        gross: '99000',
        fee: '3366',
        net: '95634',
        category: 'charge',
        source: 'ch_reversed',
      },
    ]);
    expect((await a.api.post('/v1/finance/reconciliation/imports/stripe-csv', report, CSV)).status).toBe(201);
    await pay(a, [{ invoiceId: 'in_reversed', chargeId: 'ch_reversed', currency: 'VND', paid: 99000, fee: 3366 }]);
    expect(await run(a)).toMatchObject({ matched: 1, exceptionsOpened: 0 });

    const collected = (await journal(a)).find((e) => e.sourceKey === 'invoice-paid:in_reversed')!;
    expect((await a.api.post(`/v1/finance/journal-entries/${collected.id}/reversal`, undefined)).status).toBe(201);
    expect(await run(a)).toMatchObject({ matched: 0, exceptionsOpened: 1 });
    const reported = await exceptions(a);
    expect(reported).toEqual([
      expect.objectContaining({
        kind: 'amount-mismatch',
        status: 'open',
        stripeTransactionId: 'txn_reversed',
        entryId: collected.id,
        statementAmount: '95634',
        bookedAmount: '0',
      }),
    ]);
    expect(await run(a)).toMatchObject({ exceptionsOpened: 0, exceptionsCleared: 0 });
    expect(await exceptions(a)).toEqual(reported);
  });

  it('runs for a window only, and lists runs newest first; another agency sees none of them', async () => {
    const a = await agency();
    const report = stripeReport([
      {
        id: 'txn_nov',
        created: '2026-11-20 03:00:00',
        currency: 'vnd',
        gross: '1000',
        fee: '0',
        net: '1000',
        category: 'charge',
        source: 'ch_nov',
      },
      {
        id: 'txn_dec',
        created: '2026-12-20 03:00:00',
        currency: 'vnd',
        gross: '2000',
        fee: '0',
        net: '2000',
        category: 'charge',
        source: 'ch_dec',
      },
    ]);
    expect((await a.api.post('/v1/finance/reconciliation/imports/stripe-csv', report, CSV)).status).toBe(201);
    const december = await run(a, { from: '2026-12-01T00:00:00Z', to: '2027-01-01T00:00:00Z' });
    expect(december).toMatchObject({
      from: '2026-12-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
      stripeTransactions: 1,
      exceptionsOpened: 1,
    });
    expect((await exceptions(a)).map((x) => x.stripeTransactionId)).toEqual(['txn_dec']);
    const bodiless = await a.api.post<ReconciliationRunView>('/v1/finance/reconciliation/runs', undefined);
    expect(bodiless.status).toBe(202);
    const all = await eventually(async () => {
      const response = await a.api.get<ReconciliationRunView>(`/v1/finance/reconciliation/runs/${bodiless.body.id}`);
      expect(response.body.status).toBe('succeeded');
      return response.body;
    });
    expect(all).toMatchObject({ from: '2026-11-20T03:00:00.000Z', stripeTransactions: 2, exceptionsOpened: 1 });
    const runs = await a.api.get<{ items: ReconciliationRunView[] }>('/v1/finance/reconciliation/runs');
    expect(runs.body.items.map((r) => r.id)).toEqual([all.id, december.id]);
    const other = await agency();
    expect((await other.api.get(`/v1/finance/reconciliation/runs/${all.id}`)).status).toBe(404);
    expect((await other.api.get<{ items: unknown[] }>('/v1/finance/reconciliation/runs')).body.items).toEqual([]);
    const backwards = await a.api.post<Problem>('/v1/finance/reconciliation/runs', {
      from: '2027-01-01T00:00:00Z',
      to: '2026-12-01T00:00:00Z',
    });
    expect(backwards.status).toBe(400);
  });
});
