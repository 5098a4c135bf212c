import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { EventEnvelope, RecognitionScheduleListResponse, TrialBalanceResponse } from '@libs/contracts';
import { eventually } from '@libs/testing';
import { TestAgency } from './support/agencies';
import { Api } from './support/api';
import { invoicePaidEnvelope, plainPayment, provisionedAgency } from './support/finance-fixtures';
import { FinanceEventDelivery } from './support/finance-events';
import { JetStreamProbe } from './support/jetstream';
import { finalized, makeInvoice, paid, refunded, voided } from './support/subscription-money-events';
import { TestSuite } from './support/test-suite';

/**
 * Finance books invoice payments many per transaction. A burst is made by holding the consumer
 * at its first transaction (a lock on its inbox) while the payments are published: released, it
 * finds them all delivered and takes them in batches.
 */
describe('invoice payments booked in batches', () => {
  let suite: TestSuite;
  let probe: JetStreamProbe;
  let db: Client;
  let api: Api;
  let agency: TestAgency;

  async function asOneBurst(envelopes: EventEnvelope<unknown>[]): Promise<void> {
    const hold = new Client({ connectionString: suite.database.url });
    await hold.connect();
    try {
      await hold.query('BEGIN');
      await hold.query('LOCK TABLE finance.inbox IN SHARE MODE');
      for (const envelope of envelopes) await probe.publish(envelope);
    } finally {
      await hold.query('ROLLBACK');
      await hold.end();
    }
  }

  /** Each payment bills its invoice first (its finalize never came), then collects it: two entries. */
  const entriesOf = async (tenantId: string) =>
    (
      await db.query<{ billed: number; paid: number }>(
        `SELECT count(*) FILTER (WHERE source_key LIKE 'invoice-finalized:%')::int AS billed, count(*) FILTER (WHERE source_key LIKE 'invoice-paid:%')::int AS paid
       FROM finance.journal_entries WHERE tenant_id = $1`,
        [tenantId],
      )
    ).rows[0];

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'finance']);
    probe = await JetStreamProbe.connect(suite.nats.url);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    api = new Api(await suite.gatewayUrl());
    agency = await provisionedAgency(api, suite.operatorToken);
  });

  afterAll(async () => {
    await db?.end();
    await probe?.close();
    await suite?.close();
  });

  it('books every good payment of a burst once although one of them cannot be booked, and dead-letters that one alone', async () => {
    const payments = Array.from({ length: 60 }, (_, n) => plainPayment(BigInt(10_000 + n), '2026-11-03'));
    const good = payments.map((p) => invoicePaidEnvelope(agency.tenantId, p));
    // An agency finance never provisioned: no chart of accounts to post to.
    const unbookable = invoicePaidEnvelope(randomUUID(), plainPayment(99_000n, '2026-11-03'));
    const burst = [...good.slice(0, 30), unbookable, good[5], ...good.slice(30)];
    await asOneBurst(burst);

    await eventually(async () => expect(await entriesOf(agency.tenantId)).toEqual({ billed: 60, paid: 60 }), 30_000);
    await eventually(async () => {
      const letters = await probe.deadLetters('dlq.finance.');
      expect(letters.map((m) => m.json<EventEnvelope>().id)).toContain(unbookable.id);
    }, 30_000);
    const letter = (await probe.deadLetters('dlq.finance.')).find((m) => m.json<EventEnvelope>().id === unbookable.id)!;
    expect(letter.header.get('x-error')).toMatch(/lines\[0\]\.accountCode/);
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM finance.inbox WHERE consumer = 'finance__evt_subscriptions_invoice_paid_v1' AND event_id = ANY($1::uuid[])`,
      [burst.map((e) => e.id)],
    );
    expect(rows[0].n).toBe(60);
    // What finance records beside the books (each payment for revenue by article) commits with them: nothing for the payment it could not book.
    const { rows: recorded } = await db.query<{ tenant_id: string; n: number }>(
      `SELECT tenant_id, count(*)::int AS n FROM finance.subscription_payments WHERE provider_invoice_id = ANY($1::text[]) GROUP BY tenant_id`,
      [burst.map((e) => (e.data as { providerInvoiceId: string }).providerInvoiceId)],
    );
    expect(recorded).toEqual([{ tenant_id: agency.tenantId, n: 60 }]);
    const trial = await agency.api.get<TrialBalanceResponse>('/v1/finance/trial-balance');
    const paid = payments.reduce((sum, p) => sum + p.paid, 0n);
    expect(trial.body.lines.map((l) => [l.code, l.balance])).toEqual([
      ['1100', paid.toString()],
      ['1300', '0'],
      ['2100', (-paid).toString()],
    ]);
    const { rows: schedules } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM finance.recognition_schedules WHERE tenant_id = $1 AND source_ref LIKE 'invoice:%'`,
      [agency.tenantId],
    );
    expect(schedules[0].n).toBe(60);
  });

  /**
   * One agency's story: what happened before (an invoice written off, a void and a refund told
   * before what they concern), then the payments that meet them, among plain ones.
   */
  function story(tenantId: string): { before: EventEnvelope<unknown>[]; payments: EventEnvelope<unknown>[] } {
    const at = '2026-10-05T03:00:00.000Z';
    const period = { start: '2026-10-04T17:00:00.000Z', end: '2026-11-03T17:00:00.000Z', at };
    const writtenOff = makeInvoice(tenantId, {
      invoiceId: 'in_written_off',
      chargeId: 'ch_written_off',
      amount: 110_000n,
      tax: 10_000n,
      fee: 3_000n,
      ...period,
    });
    const voidedFirst = makeInvoice(tenantId, {
      invoiceId: 'in_voided_first',
      chargeId: 'ch_voided_first',
      amount: 55_000n,
      tax: 5_000n,
      fee: 1_500n,
      ...period,
    });
    const refundedFirst = makeInvoice(tenantId, {
      invoiceId: 'in_refunded_first',
      chargeId: 'ch_refunded_first',
      amount: 220_000n,
      tax: 20_000n,
      fee: 6_000n,
      ...period,
    });
    const plain = Array.from({ length: 20 }, (_, n) =>
      makeInvoice(tenantId, {
        invoiceId: `in_plain_${n}`,
        chargeId: `ch_plain_${n}`,
        amount: BigInt(33_000 + n * 1_000),
        tax: BigInt(3_000 + n * 10),
        fee: BigInt(n % 2 ? 990 : 0),
        currency: n % 4 === 0 ? 'USD' : 'VND',
        ...period,
      }),
    );
    const duplicate = paid(plain[3]);
    return {
      before: [
        finalized(writtenOff),
        voided(writtenOff, '2026-10-10T03:00:00.000Z', 'uncollectible'),
        voided(voidedFirst, '2026-10-06T03:00:00.000Z', 'uncollectible'),
        refunded(refundedFirst, 22_000n, '2026-10-07T03:00:00.000Z', 're_refunded_first'),
      ],
      payments: [
        ...plain.slice(0, 10).map((invoice) => paid(invoice)),
        paid(writtenOff, '2026-10-12T03:00:00.000Z'),
        duplicate,
        paid(voidedFirst, '2026-10-08T03:00:00.000Z'),
        ...plain.slice(10).map((invoice) => paid(invoice)),
        paid(refundedFirst),
        { ...duplicate },
      ],
    };
  }

  async function booksOf(of: TestAgency) {
    const trial = await of.api.get<TrialBalanceResponse>('/v1/finance/trial-balance');
    const schedules = await of.api.get<RecognitionScheduleListResponse>('/v1/finance/recognition-schedules?limit=100');
    return {
      lines: trial.body.lines.map((l) => [l.currency, l.code, l.debits, l.credits, l.balance]),
      totals: trial.body.totals,
      schedules: schedules.body.items
        .map((s) => [s.source, s.status, s.total, s.recognized, s.remaining, s.refunds, s.reduced])
        .sort(),
    };
  }

  it('books a burst of payments in one batch as it books them one by one: write-offs undone, waiting voids and refunds replayed', async () => {
    const events = new FinanceEventDelivery(suite, probe);
    const [batched, oneByOne] = [
      await provisionedAgency(api, suite.operatorToken),
      await provisionedAgency(api, suite.operatorToken),
    ];
    const inBatch = story(batched.tenantId);
    const alone = story(oneByOne.tenantId);
    await events.deliverInOrder([...inBatch.before, ...alone.before]);

    await events.deliverInOrder(alone.payments);
    const taken = async () => (await events.consumed('processed')) + (await events.consumed('duplicate'));
    const [before, retriedBefore] = [await taken(), await events.consumed('retry')];
    await asOneBurst(inBatch.payments);
    await eventually(async () => expect(await taken()).toBe(before + inBatch.payments.length), 30_000);
    expect(await events.consumed('retry')).toBe(retriedBefore);

    const [inOneBatch, eachAlone] = [await booksOf(batched), await booksOf(oneByOne)];
    expect(inOneBatch).toEqual(eachAlone);
    for (const total of inOneBatch.totals) expect(total.balance).toBe('0');
    // The story did happen: the write-off undone and the waiting void written off then undone (both paid), the refund replayed.
    expect(
      inOneBatch.schedules
        .filter(([source]) => ['invoice:in_written_off', 'invoice:in_voided_first'].includes(source as string))
        .map((s) => s[1]),
    ).toEqual(['active', 'active']);
    expect(inOneBatch.schedules.find(([source]) => source === 'invoice:in_refunded_first')?.[5]).toBe('22000');
    expect(inOneBatch.lines.find(([currency, code]) => currency === 'VND' && code === '1300')?.[4]).toBe('0');
  });

  it('books a renewal burst of billings and payments of the same invoices side by side as it books them one by one, no batch retried', async () => {
    const events = new FinanceEventDelivery(suite, probe);
    const [inBurst, oneByOne] = [
      await provisionedAgency(api, suite.operatorToken),
      await provisionedAgency(api, suite.operatorToken),
    ];
    const renewals = (tenantId: string) =>
      Array.from({ length: 60 }, (_, n) =>
        makeInvoice(tenantId, {
          invoiceId: `in_renewal_${n}`,
          chargeId: `ch_renewal_${n}`,
          amount: BigInt(99_000 + n * 1_000),
          tax: BigInt(9_000 + n * 10),
          fee: BigInt(3_000 + n),
          currency: n % 3 === 0 ? 'USD' : 'VND',
        }),
      );
    await events.deliverInOrder(renewals(oneByOne.tenantId).flatMap((invoice) => [finalized(invoice), paid(invoice)]));
    const burst = renewals(inBurst.tenantId).flatMap((invoice) => [finalized(invoice), paid(invoice)]);
    const taken = async () => (await events.consumed('processed')) + (await events.consumed('duplicate'));
    const [before, retriedBefore] = [await taken(), await events.consumed('retry')];
    await asOneBurst(burst);
    await eventually(async () => expect(await taken()).toBe(before + burst.length), 30_000);
    // No batch failed (a deadlock between a billing batch and a payment batch would have been retried event by event).
    expect(await events.consumed('retry')).toBe(retriedBefore);
    const books = await booksOf(inBurst);
    expect(books).toEqual(await booksOf(oneByOne));
    expect(books.lines.filter(([, code]) => code === '1300').map((line) => line[4])).toEqual(['0', '0']);
    expect(books.schedules).toHaveLength(60);
  });

  it('books batches of payments beside each other, while a void waits until no batch holds the books of its agency', async () => {
    const other = await provisionedAgency(api, suite.operatorToken);
    const invoices = Array.from({ length: 20 }, (_, n) =>
      makeInvoice(other.tenantId, { amount: BigInt(50_000 + n * 1_000), tax: 0n, fee: 0n }),
    );
    // Another batch of payments of this agency, in flight: it shares the agency's books.
    const batch = new Client({ connectionString: suite.database.url });
    await batch.connect();
    try {
      await batch.query('BEGIN');
      await batch.query(`SELECT pg_advisory_xact_lock_shared(${0x42_4f_4b}, hashtext($1))`, [other.tenantId]);
      for (const invoice of invoices) await probe.publish(paid(invoice));
      await eventually(async () => expect(await entriesOf(other.tenantId)).toEqual({ billed: 20, paid: 20 }), 30_000);

      await probe.publish(voided(invoices[0], '2026-10-02T03:00:00.000Z'));
      // The void asks for the agency's books alone and waits for the batch in flight.
      await eventually(async () => {
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = $1
             AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
          [0x42_4f_4b],
        );
        expect(rows[0].n).toBe(1);
      }, 30_000);
      const voids = async () =>
        (
          await db.query(
            `SELECT 1 FROM finance.journal_entries WHERE tenant_id = $1 AND source_key LIKE 'invoice-voided:%'`,
            [other.tenantId],
          )
        ).rowCount;
      expect(await voids()).toBe(0);
      await batch.query('ROLLBACK');
      await eventually(async () => expect(await voids()).toBe(1), 30_000);
    } finally {
      await batch.end();
    }
  });
});
