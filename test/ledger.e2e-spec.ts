import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  EventEnvelope,
  InvoicePaid,
  InvoicePaidEvent,
  JournalEntryListResponse,
  JournalEntryView,
  TrialBalanceResponse,
} from '@libs/contracts';
import { eventually } from '@libs/testing';
import { EntryToPost, LedgerService } from '../apps/finance/src/ledger/ledger.service';
import type { SourceKey } from '../apps/finance/src/ledger/ledger-source-keys';
import { TestAgency } from './support/agencies';
import { Api } from './support/api';
import { createFinanceAgency, seededRandom, shuffle } from './support/finance-events';
import { JetStreamProbe } from './support/jetstream';
import { TestSuite } from './support/test-suite';

interface Payment {
  invoiceId: string;
  paid: bigint;
  tax: bigint;
  fee: bigint;
}

function paidEnvelope(tenantId: string, payment: Payment): EventEnvelope<InvoicePaidEvent> {
  return {
    id: randomUUID(),
    type: InvoicePaid.subject,
    source: 'subscriptions',
    tenantId,
    time: '2026-11-20T03:00:00.000Z',
    subject: randomUUID(),
    dataVersion: '1',
    data: {
      subscriptionId: randomUUID(),
      planId: randomUUID(),
      priceId: randomUUID(),
      providerInvoiceId: payment.invoiceId,
      providerChargeId: null,
      providerBalanceTransactionId: null,
      currency: 'VND',
      amountPaid: payment.paid.toString(),
      tax: payment.tax.toString(),
      providerFee: payment.fee.toString(),
      servicePeriodStart: '2026-11-20T03:00:00.000Z',
      servicePeriodEnd: '2026-12-20T03:00:00.000Z',
      paidAt: '2026-11-20T03:00:00.000Z',
    },
  };
}

/** Balances by account code, in VND, as the trial balance states them. */
async function vndBalances(agency: TestAgency): Promise<Record<string, string>> {
  const trial = await agency.api.get<TrialBalanceResponse>('/v1/finance/trial-balance');
  expect(trial.status).toBe(200);
  expect(trial.body.totals.map((t) => t.balance)).toEqual(trial.body.totals.map(() => '0'));
  return Object.fromEntries(trial.body.lines.filter((l) => l.currency === 'VND').map((l) => [l.code, l.balance]));
}

describe('the ledger: balanced, immutable, posted once per fact', () => {
  let suite: TestSuite;
  let api: Api;
  let probe: JetStreamProbe;
  let db: Client;

  const provisionedAgency = () => createFinanceAgency(api, suite.operatorToken);

  async function consumed(outcome: 'processed' | 'duplicate'): Promise<number> {
    const texts = await Promise.all(
      suite
        .instances('finance')
        .map(async (app) =>
          fetch(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/metrics`).then((r) => r.text()),
        ),
    );
    const re = new RegExp(
      `events_consumed_total\\{consumer="finance__evt_subscriptions_invoice_paid_v1",outcome="${outcome}",service="finance"\\} (\\d+)`,
      'g',
    );
    return [...texts.join('\n').matchAll(re)].reduce((sum, m) => sum + Number(m[1]), 0);
  }

  /** Publishes the envelopes in order and waits until the consumer has taken each of them (processed or recognised as a duplicate). */
  async function deliver(envelopes: EventEnvelope<InvoicePaidEvent>[]): Promise<void> {
    const before = (await consumed('processed')) + (await consumed('duplicate'));
    for (const envelope of envelopes) await probe.publish(envelope);
    await eventually(async () =>
      expect((await consumed('processed')) + (await consumed('duplicate'))).toBe(before + envelopes.length),
    );
  }

  async function accountId(tenantId: string, code: string): Promise<string> {
    const rows = await db.query<{ id: string }>('SELECT id FROM finance.accounts WHERE tenant_id = $1 AND code = $2', [
      tenantId,
      code,
    ]);
    return rows.rows[0].id;
  }

  /** Inserts an entry and its postings by hand in one transaction, as a faulty writer could. */
  async function insertByHand(
    tenantId: string,
    postings: [code: string, currency: string, amount: number][],
  ): Promise<string> {
    await db.query('BEGIN');
    try {
      const entry = await db.query<{ id: string }>(
        `INSERT INTO finance.journal_entries (tenant_id, source_key, posted_on, description) VALUES ($1, $2, '2026-11-20', 'by hand') RETURNING id`,
        [tenantId, `by-hand:${randomUUID()}`],
      );
      const entryId = entry.rows[0].id;
      for (const [code, currency, amount] of postings) {
        await db.query(
          'INSERT INTO finance.postings (tenant_id, entry_id, account_id, currency, amount) VALUES ($1, $2, $3, $4, $5)',
          [tenantId, entryId, await accountId(tenantId, code), currency, amount],
        );
      }
      await db.query('COMMIT');
      return entryId;
    } catch (error) {
      await db.query('ROLLBACK');
      throw error;
    }
  }

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'finance']);
    api = new Api(await suite.gatewayUrl());
    probe = await JetStreamProbe.connect(suite.nats.url);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await probe?.close();
    await suite?.close();
  });

  describe('in the database', () => {
    let agency: TestAgency;
    beforeAll(async () => {
      agency = await provisionedAgency();
    });

    it('refuses at commit an entry whose postings do not sum to zero', async () => {
      await expect(
        insertByHand(agency.tenantId, [
          ['1100', 'VND', 1000],
          ['2100', 'VND', -999],
        ]),
      ).rejects.toThrow(/does not balance in VND/);
      const { rows } = await db.query(`SELECT 1 FROM finance.journal_entries WHERE tenant_id = $1`, [agency.tenantId]);
      expect(rows).toHaveLength(0);
    });

    it('refuses an entry that balances in one currency but not in the other', async () => {
      await expect(
        insertByHand(agency.tenantId, [
          ['1100', 'VND', 1000],
          ['2100', 'VND', -1000],
          ['1100', 'USD', 5],
        ]),
      ).rejects.toThrow(/does not balance in USD/);
    });

    it('accepts an entry in two currencies that each sum to zero, and then refuses to change or delete it', async () => {
      const entryId = await insertByHand(agency.tenantId, [
        ['1100', 'VND', 99000],
        ['2100', 'VND', -99000],
        ['1100', 'USD', 500],
        ['2100', 'USD', -500],
      ]);
      const immutable = /never changed once posted/;
      await expect(
        db.query('UPDATE finance.postings SET amount = amount * 2 WHERE entry_id = $1', [entryId]),
      ).rejects.toThrow(immutable);
      await expect(db.query('DELETE FROM finance.postings WHERE entry_id = $1', [entryId])).rejects.toThrow(immutable);
      await expect(
        db.query(`UPDATE finance.journal_entries SET description = 'edited' WHERE id = $1`, [entryId]),
      ).rejects.toThrow(immutable);
      await expect(db.query('DELETE FROM finance.journal_entries WHERE id = $1', [entryId])).rejects.toThrow(immutable);
      const { rows } = await db.query<{ currency: string; amount: string }>(
        'SELECT currency, amount FROM finance.postings WHERE entry_id = $1 ORDER BY currency, amount',
        [entryId],
      );
      expect(rows).toEqual([
        { currency: 'USD', amount: '-500' },
        { currency: 'USD', amount: '500' },
        { currency: 'VND', amount: '-99000' },
        { currency: 'VND', amount: '99000' },
      ]);
    });

    it('moves account totals at the commit of what posted them, and not for what a rolled-back savepoint posted', async () => {
      const fresh = await provisionedAgency();
      const finance = suite.instances('finance')[0];
      const ledger = finance.get(LedgerService);
      const entry = (key: string, amount: bigint): EntryToPost => ({
        tenantId: fresh.tenantId,
        // a made-up fact: the test plays the part of a consumer posting in its own transaction
        sourceKey: `in-service:${key}` as SourceKey,
        postedOn: '2026-11-20',
        description: key,
        lines: [
          { accountCode: '1100', currency: 'VND', amount },
          { accountCode: '2100', currency: 'VND', amount: -amount },
        ],
      });
      await finance.get(DataSource).transaction(async (tx) => {
        await ledger.post(tx, entry('kept-before', 1_000n));
        await tx
          .transaction(async (inner) => {
            await ledger.post(inner, entry('undone', 500n));
            throw new Error('undone');
          })
          .catch(() => undefined);
        await ledger.post(tx, entry('kept-after', 200n));
      });
      expect(await vndBalances(fresh)).toEqual({ '1100': '1200', '2100': '-1200' });
      const asOf = await fresh.api.get<TrialBalanceResponse>('/v1/finance/trial-balance?asOf=2026-11-20');
      expect(asOf.body.lines.map((l) => [l.code, l.balance])).toEqual([
        ['1100', '1200'],
        ['2100', '-1200'],
      ]);
      const { rows } = await db.query(
        `SELECT a.code, sum(p.amount)::text AS sum FROM finance.postings p JOIN finance.accounts a ON a.id = p.account_id
         WHERE p.tenant_id = $1 GROUP BY a.code ORDER BY a.code`,
        [fresh.tenantId],
      );
      expect(rows).toEqual([
        { code: '1100', sum: '1200' },
        { code: '2100', sum: '-1200' },
      ]);
    });

    it('refuses a posting to an entry or an account that does not exist or is of another agency, and keeps an account that has postings', async () => {
      const other = await provisionedAgency();
      const ours = await insertByHand(agency.tenantId, [
        ['1100', 'VND', 300],
        ['2100', 'VND', -300],
      ]);
      const theirs = await insertByHand(other.tenantId, [
        ['1100', 'VND', 300],
        ['2100', 'VND', -300],
      ]);
      const post = (entryId: string, accountId: string) =>
        db.query(
          `INSERT INTO finance.postings (tenant_id, entry_id, account_id, currency, amount) VALUES ($1, $2, $3, 'VND', 1), ($1, $2, $3, 'VND', -1)`,
          [agency.tenantId, entryId, accountId],
        );
      const [ourStripe, theirStripe] = [
        await accountId(agency.tenantId, '1100'),
        await accountId(other.tenantId, '1100'),
      ];
      await expect(post(randomUUID(), ourStripe)).rejects.toThrow(
        /a posting names journal entry .*, which its agency does not have/,
      );
      await expect(post(theirs, ourStripe)).rejects.toThrow(
        new RegExp(`a posting names journal entry ${theirs}, which its agency does not have`),
      );
      await expect(post(ours, randomUUID())).rejects.toThrow(
        /a posting names account .*, which its agency does not have/,
      );
      await expect(post(ours, theirStripe)).rejects.toThrow(
        new RegExp(`a posting names account ${theirStripe}, which its agency does not have`),
      );
      await expect(db.query('DELETE FROM finance.accounts WHERE id = $1', [ourStripe])).rejects.toThrow(
        /account 1100 has postings: it is never deleted/,
      );
      const { rows } = await db.query(
        'SELECT count(*)::int AS n FROM finance.postings WHERE entry_id = ANY($1::uuid[])',
        [[ours, theirs]],
      );
      expect(rows[0].n).toBe(4);
    });

    it('refuses a posting of zero', async () => {
      await expect(insertByHand(agency.tenantId, [['1100', 'VND', 0]])).rejects.toThrow(/postings_amount_not_zero/);
    });

    it('refuses at commit a posting added later to a posted entry that leaves it unbalanced, and one bad entry among many in one statement', async () => {
      const entryId = await insertByHand(agency.tenantId, [
        ['1100', 'VND', 7000],
        ['2100', 'VND', -7000],
      ]);
      const [stripe, deferred] = [await accountId(agency.tenantId, '1100'), await accountId(agency.tenantId, '2100')];
      await db.query('BEGIN');
      await db.query(
        `INSERT INTO finance.postings (tenant_id, entry_id, account_id, currency, amount) VALUES ($1, $2, $3, 'VND', 1)`,
        [agency.tenantId, entryId, stripe],
      );
      await expect(db.query('COMMIT')).rejects.toThrow(new RegExp(`journal entry ${entryId} does not balance in VND`));

      // Three entries written as the ledger writes them, all postings in one statement; only the middle one is off.
      await db.query('BEGIN');
      const ids: string[] = [];
      for (let n = 0; n < 3; n++) {
        const entry = await db.query<{ id: string }>(
          `INSERT INTO finance.journal_entries (tenant_id, source_key, posted_on, description) VALUES ($1, $2, '2026-11-20', 'by hand') RETURNING id`,
          [agency.tenantId, `by-hand:${randomUUID()}`],
        );
        ids.push(entry.rows[0].id);
      }
      await db.query(
        `INSERT INTO finance.postings (tenant_id, entry_id, account_id, currency, amount)
         SELECT $1, p.entry_id, p.account_id, 'VND', p.amount FROM unnest($2::uuid[], $3::uuid[], $4::bigint[]) AS p(entry_id, account_id, amount)`,
        [
          agency.tenantId,
          [ids[0], ids[0], ids[1], ids[1], ids[2], ids[2]],
          [stripe, deferred, stripe, deferred, stripe, deferred],
          [10, -10, 20, -19, 30, -30],
        ],
      );
      await expect(db.query('COMMIT')).rejects.toThrow(new RegExp(`journal entry ${ids[1]} does not balance in VND`));
      const { rows } = await db.query(
        'SELECT count(*)::int AS n FROM finance.postings WHERE entry_id = ANY($1::uuid[])',
        [[entryId, ...ids]],
      );
      expect(rows[0].n).toBe(2);
    });
  });

  describe('an invoice paid', () => {
    let agency: TestAgency;
    let entry: JournalEntryView;
    const payment: Payment = { invoiceId: `in_${randomUUID()}`, paid: 99000n, tax: 9000n, fee: 3366n };

    beforeAll(async () => {
      agency = await provisionedAgency();
      const first = paidEnvelope(agency.tenantId, payment);
      // The same event twice, then the same invoice under a new event id.
      await deliver([first, first, paidEnvelope(agency.tenantId, payment)]);
      const journal = await agency.api.get<JournalEntryListResponse>('/v1/finance/journal-entries');
      expect(journal.status).toBe(200);
      // Billed (never finalized in the books, so the payment bills it first) and collected.
      expect(journal.body.items.map((e) => e.sourceKey).sort()).toEqual([
        `invoice-finalized:${payment.invoiceId}`,
        `invoice-paid:${payment.invoiceId}`,
      ]);
      entry = journal.body.items.find((e) => e.sourceKey.startsWith('invoice-paid:'))!;
    });

    it('is billed and collected: Stripe balance and fees debited against the receivable, VAT and deferred revenue credited', async () => {
      expect(entry).toMatchObject({
        sourceKey: `invoice-paid:${payment.invoiceId}`,
        postedOn: '2026-11-20',
        reversesEntryId: null,
      });
      expect(entry.postings.map((p) => [p.accountCode, p.currency, p.amount])).toEqual([
        ['1100', 'VND', '95634'],
        ['5100', 'VND', '3366'],
        ['1300', 'VND', '-99000'],
      ]);
      const one = await agency.api.get<JournalEntryView>(`/v1/finance/journal-entries/${entry.id}`);
      expect(one.status).toBe(200);
      expect(one.body).toEqual(entry);
      expect(await vndBalances(agency)).toEqual({
        '1100': '95634',
        '1300': '0',
        '2100': '-90000',
        '2200': '-9000',
        '5100': '3366',
      });
    });

    it('omits the fee and tax lines when they are zero', async () => {
      const untaxed = await provisionedAgency();
      await deliver([
        paidEnvelope(untaxed.tenantId, { invoiceId: `in_${randomUUID()}`, paid: 50000n, tax: 0n, fee: 0n }),
      ]);
      expect(await vndBalances(untaxed)).toEqual({ '1100': '50000', '1300': '0', '2100': '-50000' });
    });

    it('is corrected by a reversing entry, once', async () => {
      const reversal = await agency.api.post<JournalEntryView>(
        `/v1/finance/journal-entries/${entry.id}/reversal`,
        undefined,
      );
      expect(reversal.status).toBe(201);
      expect(reversal.body.reversesEntryId).toBe(entry.id);
      const negated = (e: JournalEntryView) =>
        e.postings.map((p) => [p.accountCode, p.currency, BigInt(p.amount)]).sort();
      expect(negated(reversal.body)).toEqual(
        entry.postings.map((p) => [p.accountCode, p.currency, -BigInt(p.amount)]).sort(),
      );
      expect(await vndBalances(agency)).toEqual({
        '1100': '0',
        '1300': '99000',
        '2100': '-90000',
        '2200': '-9000',
        '5100': '0',
      });
      const again = await agency.api.post<{ status: number; detail: string }>(
        `/v1/finance/journal-entries/${entry.id}/reversal`,
        undefined,
      );
      expect(again.status).toBe(409);
      const journal = await agency.api.get<JournalEntryListResponse>('/v1/finance/journal-entries');
      expect(journal.body.items.map((e) => e.id)).toHaveLength(3);
      expect(journal.body.items[0].id).toBe(reversal.body.id);
      expect(journal.body.items.map((e) => e.id)).toContain(entry.id);
    });

    it('answers 404 for an entry of another agency', async () => {
      const other = await provisionedAgency();
      expect((await other.api.get(`/v1/finance/journal-entries/${entry.id}`)).status).toBe(404);
      expect((await other.api.post(`/v1/finance/journal-entries/${entry.id}/reversal`, undefined)).status).toBe(404);
    });
  });

  it('gives the same balances for 50 invoices delivered with duplicates, shuffled, as delivered once each', async () => {
    const random = seededRandom(20261128);
    const between = (low: number, high: number) => BigInt(low + Math.floor(random() * (high - low + 1)));
    const payments: Payment[] = Array.from({ length: 50 }, (_, n) => {
      const paid = between(10_000, 2_000_000);
      return {
        invoiceId: `in_property_${n}`,
        paid,
        tax: random() < 0.2 ? 0n : (paid * 10n) / 110n,
        fee: random() < 0.2 ? 0n : (paid * between(0, 40)) / 1000n,
      };
    });
    const [once, noisy] = [await provisionedAgency(), await provisionedAgency()];

    await deliver(payments.map((p) => paidEnvelope(once.tenantId, p)));
    const envelopes = payments.map((p) => paidEnvelope(noisy.tenantId, p));
    const redelivered = envelopes.filter(() => random() < 0.4);
    const reissued = payments.filter(() => random() < 0.3).map((p) => paidEnvelope(noisy.tenantId, p));
    const shuffled = shuffle([...envelopes, ...redelivered, ...reissued], random);
    expect(shuffled.length).toBeGreaterThan(payments.length);
    await deliver(shuffled);

    const sum = (of: (p: Payment) => bigint) => payments.reduce((total, p) => total + of(p), 0n).toString();
    const expected = {
      '1100': sum((p) => p.paid - p.fee),
      '1300': '0',
      '5100': sum((p) => p.fee),
      '2200': sum((p) => -p.tax),
      '2100': sum((p) => -(p.paid - p.tax)),
    };
    expect(await vndBalances(once)).toEqual(expected);
    expect(await vndBalances(noisy)).toEqual(expected);
    const page = await noisy.api.get<JournalEntryListResponse>('/v1/finance/journal-entries?limit=100');
    expect(page.body.items).toHaveLength(100);
    expect(page.body.nextBefore).toBeNull();
  });
});
