import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { EventEnvelope, InvoicePaidEvent, TrialBalanceResponse } from '@libs/contracts';
import { eventually, freePort } from '@libs/testing';
import { TestAgency } from './support/agencies';
import { Api } from './support/api';
import { InvoicePayment, invoicePaidEnvelope, provisionedAgency } from './support/finance-fixtures';
import { JetStreamProbe } from './support/jetstream';
import { TestSuite } from './support/test-suite';

const root = join(__dirname, '..');
const FINANCE_MAIN = join(root, 'dist/apps/finance/src/main.js');
const INVOICES = 400;
const ACK_WAIT_MS = 3000;

/** The finance service as its own process (what `npm start` runs), so it can be killed outright. */
async function startFinanceProcess(suite: TestSuite): Promise<ChildProcess> {
  const port = await freePort();
  const env = Object.fromEntries(Object.entries(suite.envOf('finance')).map(([key, value]) => [key, String(value)]));
  const child = spawn(process.execPath, [FINANCE_MAIN], {
    env: { ...process.env, ...env, HTTP_PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await eventually(async () => {
    if (child.exitCode !== null) throw new Error(`finance exited with ${child.exitCode}`);
    expect((await fetch(`http://127.0.0.1:${port}/health`).catch(() => null))?.ok).toBe(true);
  }, 30_000);
  return child;
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('the ledger when finance is killed in the middle of a burst of payments', () => {
  let suite: TestSuite;
  let probe: JetStreamProbe;
  let db: Client;
  let agencies: TestAgency[];
  let payments: Map<string, { agency: TestAgency; payment: InvoicePayment }>;
  let envelopes: EventEnvelope<InvoicePaidEvent>[];
  let bookedAtKill: number;

  /** Invoices whose payment is booked (each billed first, finalize never came: two entries, committed together). */
  const booked = async () => {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM finance.journal_entries WHERE tenant_id = ANY($1::uuid[]) AND source_key LIKE 'invoice-paid:%'`,
      [agencies.map((a) => a.tenantId)],
    );
    return rows[0].n;
  };

  beforeAll(async () => {
    if (!existsSync(FINANCE_MAIN)) throw new Error('run npm run build first (npm test does)');
    suite = await TestSuite.start(['gateway', 'finance'], { EVENT_ACK_WAIT_MS: String(ACK_WAIT_MS) });
    const api = new Api(await suite.gatewayUrl());
    probe = await JetStreamProbe.connect(suite.nats.url);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
    agencies = await Promise.all([1, 2, 3].map(() => provisionedAgency(api, suite.operatorToken)));
    payments = new Map();
    envelopes = [];
    for (let n = 0; n < INVOICES; n++) {
      const agency = agencies[n % agencies.length];
      const currency = n % 4 === 0 ? 'USD' : 'VND';
      const paid = BigInt(currency === 'USD' ? 500 + n * 7 : 50_000 + n * 1_013);
      const payment: InvoicePayment = {
        invoiceId: `in_burst_${n}_${randomUUID()}`,
        currency,
        paid,
        tax: n % 5 === 0 ? 0n : paid / 11n,
        fee: n % 3 === 0 ? 0n : (paid * 3n) / 100n,
        paidAt: `2026-11-${String(1 + (n % 27)).padStart(2, '0')}T04:00:00.000Z`,
      };
      payments.set(payment.invoiceId, { agency, payment });
      const envelope = invoicePaidEnvelope(agency.tenantId, payment);
      envelopes.push(envelope);
      // Every tenth payment is announced twice more: the same event redelivered, and the same invoice as a new event.
      if (n % 10 === 0) envelopes.push(envelope, invoicePaidEnvelope(agency.tenantId, payment));
    }
  });

  afterAll(async () => {
    await db?.end();
    await probe?.close();
    await suite?.close();
  });

  it('stops with some payments booked and one transaction cut off, then books each exactly once after a restart', async () => {
    await suite.stopService('finance');
    const finance = await startFinanceProcess(suite);
    const firstThird = envelopes.slice(0, Math.floor(envelopes.length / 3));
    for (const envelope of firstThird) await probe.publish(envelope);
    const bookedEarly = new Set(firstThird.map((e) => e.data.providerInvoiceId)).size;
    await eventually(async () => expect(await booked()).toBe(bookedEarly), 30_000);

    // Holding a lock the consumer needs stops its next transaction half-way (entry and postings
    // written, totals not yet): the process is killed while that transaction is open.
    const blocker = new Client({ connectionString: suite.database.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE finance.account_day_totals IN SHARE MODE');
      for (const envelope of envelopes.slice(firstThird.length)) await probe.publish(envelope);
      await eventually(async () => {
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
           WHERE c.relname = 'account_day_totals' AND NOT l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        );
        expect(rows[0].n).toBeGreaterThan(0);
      }, 30_000);
      await kill(finance);
      bookedAtKill = await booked();
    } finally {
      await blocker.query('ROLLBACK').catch(() => undefined);
      await blocker.end();
    }
    expect(bookedAtKill).toBe(bookedEarly);
    expect(bookedAtKill).toBeLessThan(payments.size);

    await suite.startInstance('finance');
    await eventually(async () => expect(await booked()).toBe(payments.size), 60_000);
    // Events the killed instance held unacknowledged come back after the ack wait: let them, and see that they change nothing.
    await eventually(async () => {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(DISTINCT event_id)::int AS n FROM finance.inbox WHERE consumer = 'finance__evt_subscriptions_invoice_paid_v1' AND event_id = ANY($1::uuid[])`,
        [envelopes.map((e) => e.id)],
      );
      expect(rows[0].n).toBe(new Set(envelopes.map((e) => e.id)).size);
    }, 60_000);
  }, 180_000);

  it('has exactly one billing and one payment entry per invoice, with their postings', async () => {
    const { rows } = await db.query<{ source_key: string; entries: number; postings: number }>(
      `SELECT e.source_key, count(DISTINCT e.id)::int AS entries, count(p.id)::int AS postings
       FROM finance.journal_entries e JOIN finance.postings p ON p.entry_id = e.id
       WHERE e.tenant_id = ANY($1::uuid[]) GROUP BY e.source_key`,
      [agencies.map((a) => a.tenantId)],
    );
    const ids = [...payments.keys()];
    expect(rows.map((r) => r.source_key).sort()).toEqual(
      [...ids.map((id) => `invoice-finalized:${id}`), ...ids.map((id) => `invoice-paid:${id}`)].sort(),
    );
    for (const row of rows) {
      const [kind, id] = [
        row.source_key.slice(0, row.source_key.indexOf(':')),
        row.source_key.slice(row.source_key.indexOf(':') + 1),
      ];
      const { payment } = payments.get(id)!;
      // Billing: receivable, deferred revenue and any VAT; payment: Stripe balance, receivable and any fee.
      const postings = 2 + (kind === 'invoice-finalized' ? (payment.tax > 0n ? 1 : 0) : payment.fee > 0n ? 1 : 0);
      expect({ key: row.source_key, entries: row.entries, postings: row.postings }).toEqual({
        key: row.source_key,
        entries: 1,
        postings,
      });
    }
  });

  it('has balances equal to the sums of the payments, a trial balance of zero, and daily totals that add up to the balances', async () => {
    for (const agency of agencies) {
      const expected: Record<string, bigint> = {};
      for (const { agency: payee, payment } of payments.values()) {
        if (payee !== agency) continue;
        const add = (code: string, amount: bigint) => {
          if (amount !== 0n)
            expected[`${payment.currency} ${code}`] = (expected[`${payment.currency} ${code}`] ?? 0n) + amount;
        };
        add('1300', payment.paid);
        add('2200', -payment.tax);
        add('2100', -(payment.paid - payment.tax));
        add('1100', payment.paid - payment.fee);
        add('5100', payment.fee);
        add('1300', -payment.paid);
      }
      const trial = await agency.api.get<TrialBalanceResponse>('/v1/finance/trial-balance');
      expect(trial.status).toBe(200);
      expect(trial.body.totals.map((t) => [t.currency, t.balance]).sort()).toEqual([
        ['USD', '0'],
        ['VND', '0'],
      ]);
      expect(Object.fromEntries(trial.body.lines.map((l) => [`${l.currency} ${l.code}`, BigInt(l.balance)]))).toEqual(
        expected,
      );
      const asOfMonthEnd = await agency.api.get<TrialBalanceResponse>('/v1/finance/trial-balance?asOf=2026-11-30');
      expect(asOfMonthEnd.body.lines.map((l) => [l.code, l.currency, l.balance])).toEqual(
        trial.body.lines.map((l) => [l.code, l.currency, l.balance]),
      );
    }
  });
});
