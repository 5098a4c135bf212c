import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { EventEnvelope, TrialBalanceResponse } from '@libs/contracts';
import { eventually } from '@libs/testing';
import { TestAgency } from './support/agencies';
import { Api } from './support/api';
import { invoicePaidEnvelope, plainPayment, provisionedAgency } from './support/finance-fixtures';
import { JetStreamProbe } from './support/jetstream';
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
    (await db.query<{ billed: number; paid: number }>(
      `SELECT count(*) FILTER (WHERE source_key LIKE 'invoice-finalized:%')::int AS billed, count(*) FILTER (WHERE source_key LIKE 'invoice-paid:%')::int AS paid
       FROM finance.journal_entries WHERE tenant_id = $1`,
      [tenantId],
    )).rows[0];

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'finance']);
    probe = await JetStreamProbe.connect(suite.nats.url);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    agency = await provisionedAgency(new Api(await suite.gatewayUrl()), suite.operatorToken);
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
    const trial = await agency.api.get<TrialBalanceResponse>('/v1/finance/trial-balance');
    const paid = payments.reduce((sum, p) => sum + p.paid, 0n);
    expect(trial.body.lines.map((l) => [l.code, l.balance])).toEqual([['1100', paid.toString()], ['1300', '0'], ['2100', (-paid).toString()]]);
    const { rows: schedules } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM finance.recognition_schedules WHERE tenant_id = $1 AND source_ref LIKE 'invoice:%'`, [agency.tenantId]);
    expect(schedules[0].n).toBe(60);
  });
});
