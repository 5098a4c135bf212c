import 'reflect-metadata';
import { jetstream, JetStreamClient } from '@nats-io/jetstream';
import { connectNats } from '@libs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { EventEnvelope, InvoicePaid, InvoicePaidEvent, TenantCreated, TenantCreatedEvent } from '@libs/contracts';
import { withStack } from './stack';

/**
 * `npm run bench:ledger`: the real finance service as a process, with every ledger invariant on
 * (balance per entry at commit, immutability, period lock, one entry per source key, inbox per
 * event). Agencies are provisioned through TenantCreated; then PAYMENTS invoice payments (VND and
 * USD, several agencies) are published into JetStream as one burst. Their finalize never reached
 * finance, so each payment is booked on accrual as two entries of two postings: the invoice billed
 * (receivable, deferred revenue, and its recognition schedule), then collected (Stripe balance,
 * receivable). The consumer is timed from the burst's release until the journal holds them all.
 * The baseline, in the same run: the same entries (two postings each, two per payment) written with
 * plain multi-row INSERTs into a bare table (no constraints, no triggers), before and after.
 */
const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 20_000);
/** Journal entries per payment: billed, then collected. */
const ENTRIES_PER_PAYMENT = 2;
const AGENCIES = 4;
const BASELINE_ROWS_PER_INSERT = 1_000;
const PUBLISH_WINDOW = 2_000;

interface Payment {
  tenantId: string;
  invoiceId: string;
  currency: 'VND' | 'USD';
  paid: bigint;
  paidOn: string;
}

async function main(): Promise<void> {
  await withStack(['finance'], async ({ databaseUrl, natsUrl }) => {
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const nc = await connectNats(natsUrl, 'bench-ledger');
    const js = jetstream(nc);
    try {
      const tenants = Array.from({ length: AGENCIES }, () => randomUUID());
      await provision(js, db, tenants);
      const payments = Array.from({ length: PAYMENTS }, (_, n): Payment => {
        const currency = n % 3 === 0 ? 'USD' : 'VND';
        return {
          tenantId: tenants[n % AGENCIES],
          invoiceId: `in_bench_${n}`,
          currency,
          paid: BigInt(currency === 'USD' ? 500 + (n % 9_000) : 49_000 + (n % 1_000) * 1_000),
          paidOn: `2026-11-${String(1 + (n % 28)).padStart(2, '0')}`,
        };
      });

      const baselineBefore = await baseline(db, payments);
      // A burst: every payment waits in JetStream (finance's consumer is held at its first
      // transaction by a lock on its inbox) before the clock starts; publishing is not timed.
      const hold = new Client({ connectionString: databaseUrl });
      await hold.connect();
      await hold.query('BEGIN');
      await hold.query('LOCK TABLE finance.inbox IN SHARE MODE');
      const publishedIn = await publish(js, payments);
      const started = performance.now();
      await hold.query('ROLLBACK');
      await hold.end();
      await untilBooked(db, PAYMENTS);
      const seconds = (performance.now() - started) / 1000;
      const baselineAfter = await baseline(db, payments);

      const entries = PAYMENTS * ENTRIES_PER_PAYMENT;
      const entriesPerS = entries / seconds;
      const baselinePerS = (baselineBefore + baselineAfter) / 2;
      const ratio = entriesPerS / baselinePerS;
      const balanced = await trialBalanceIsZeroAndRight(db, payments);
      console.log(`published ${PAYMENTS} InvoicePaid events to ${AGENCIES} agencies in ${publishedIn.toFixed(2)} s`);
      console.log(
        `finance booked the burst of ${PAYMENTS} payments (${entries} entries) in ${seconds.toFixed(2)} s: ` +
          `${Math.round(PAYMENTS / seconds)} payments/s, ${Math.round(entriesPerS)} entries/s`,
      );
      console.log(
        `bare multi-row INSERTs: ${Math.round(baselineBefore)} entries/s before, ${Math.round(baselineAfter)} after`,
      );
      console.log(
        `ratio ${ratio.toFixed(3)} (target >= 0.25); trial balance zero and equal to the payments: ${balanced}`,
      );
      console.log(
        JSON.stringify({
          bench: 'ledger',
          payments_per_s: Math.round(PAYMENTS / seconds),
          entries_per_s: Math.round(entriesPerS),
          baseline_entries_per_s: Math.round(baselinePerS),
          ratio: Number(ratio.toFixed(3)),
          trial_balance_zero: balanced,
        }),
      );
    } finally {
      await nc.drain();
      await db.end();
    }
  });
}

/** Announces the agencies as the gateway would, and waits until finance has their charts of accounts. */
async function provision(js: JetStreamClient, db: Client, tenants: string[]): Promise<void> {
  for (const [n, tenantId] of tenants.entries()) {
    const data: TenantCreatedEvent = {
      tenantId,
      name: `Báo Bench ${n}`,
      slug: `bench-${n}-${tenantId.slice(0, 8)}`,
      defaultCurrency: 'VND',
      timeZone: 'Asia/Ho_Chi_Minh',
      locale: 'vi',
    };
    const envelope: EventEnvelope<TenantCreatedEvent> = {
      id: randomUUID(),
      type: TenantCreated.subject,
      source: 'gateway',
      tenantId,
      time: new Date().toISOString(),
      subject: tenantId,
      dataVersion: '1',
      data,
    };
    await js.publish(envelope.type, JSON.stringify(envelope), { msgID: envelope.id });
  }
  await until(async () => {
    const { rows } = await db.query<{ n: number }>(
      'SELECT count(DISTINCT tenant_id)::int AS n FROM finance.accounts WHERE tenant_id = ANY($1::uuid[])',
      [tenants],
    );
    return rows[0].n === tenants.length;
  }, 'the agencies were never provisioned');
}

/** Publishes every payment, at most PUBLISH_WINDOW unconfirmed at a time; answers the seconds it took. */
async function publish(js: JetStreamClient, payments: Payment[]): Promise<number> {
  const started = performance.now();
  for (let start = 0; start < payments.length; start += PUBLISH_WINDOW) {
    await Promise.all(
      payments.slice(start, start + PUBLISH_WINDOW).map((p) => {
        const paidAt = `${p.paidOn}T03:00:00.000Z`;
        const envelope: EventEnvelope<InvoicePaidEvent> = {
          id: randomUUID(),
          type: InvoicePaid.subject,
          source: 'subscriptions',
          tenantId: p.tenantId,
          time: paidAt,
          subject: randomUUID(),
          dataVersion: '1',
          data: {
            subscriptionId: randomUUID(),
            planId: randomUUID(),
            priceId: randomUUID(),
            providerInvoiceId: p.invoiceId,
            providerChargeId: null,
            providerBalanceTransactionId: null,
            currency: p.currency,
            amountPaid: p.paid.toString(),
            tax: '0',
            providerFee: '0',
            servicePeriodStart: paidAt,
            servicePeriodEnd: paidAt,
            paidAt,
          },
        };
        return js.publish(envelope.type, JSON.stringify(envelope), { msgID: envelope.id });
      }),
    );
  }
  return (performance.now() - started) / 1000;
}

/** Until every payment's entry is in the journal (its billing commits with it). */
async function untilBooked(db: Client, payments: number): Promise<void> {
  let last = -1;
  let stalledSince = performance.now();
  for (;;) {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM finance.journal_entries WHERE source_key LIKE 'invoice-paid:%'`,
    );
    if (rows[0].n >= payments) return;
    if (rows[0].n !== last) {
      last = rows[0].n;
      stalledSince = performance.now();
    } else if (performance.now() - stalledSince > 60_000) {
      throw new Error(`the consumer stalled at ${last} of ${payments} payments`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The baseline: each payment as the two entries of two postings the ledger books for it (receivable
 * and deferred revenue, Stripe balance and receivable), BASELINE_ROWS_PER_INSERT rows per INSERT, into
 * a table with no constraint, no index and no trigger. Answers entries per second.
 */
async function baseline(db: Client, payments: Payment[]): Promise<number> {
  await db.query('DROP TABLE IF EXISTS public.bench_bare_postings');
  await db.query(
    `CREATE TABLE public.bench_bare_postings (entry_id uuid, tenant_id uuid, source_key text, posted_on date, account_code text, currency text, amount bigint)`,
  );
  const started = performance.now();
  const perInsert = BASELINE_ROWS_PER_INSERT / (2 * ENTRIES_PER_PAYMENT);
  for (let start = 0; start < payments.length; start += perInsert) {
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (const p of payments.slice(start, start + perInsert)) {
      const entries = [
        {
          key: `invoice-finalized:${p.invoiceId}`,
          lines: [
            ['1300', p.paid],
            ['2100', -p.paid],
          ],
        },
        {
          key: `invoice-paid:${p.invoiceId}`,
          lines: [
            ['1100', p.paid],
            ['1300', -p.paid],
          ],
        },
      ] as const;
      for (const entry of entries) {
        const entryId = randomUUID();
        for (const [code, amount] of entry.lines) {
          const at = values.length;
          tuples.push(`($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}, $${at + 7})`);
          values.push(entryId, p.tenantId, entry.key, p.paidOn, code, p.currency, amount.toString());
        }
      }
    }
    await db.query(
      `INSERT INTO public.bench_bare_postings (entry_id, tenant_id, source_key, posted_on, account_code, currency, amount) VALUES ${tuples.join(', ')}`,
      values,
    );
  }
  const perSecond = (payments.length * ENTRIES_PER_PAYMENT) / ((performance.now() - started) / 1000);
  await db.query('DROP TABLE public.bench_bare_postings');
  return perSecond;
}

/** Every agency's balances sum to zero per currency, equal the payments, and the daily totals agree; each invoice has its schedule. */
async function trialBalanceIsZeroAndRight(db: Client, payments: Payment[]): Promise<boolean> {
  const { rows: totals } = await db.query<{ balance: string }>(
    'SELECT sum(balance)::text AS balance FROM finance.account_balances GROUP BY tenant_id, currency',
  );
  const { rows: lines } = await db.query<{
    tenant_id: string;
    currency: string;
    code: string;
    balance: string;
    by_day: string;
  }>(
    `SELECT b.tenant_id, trim(b.currency) AS currency, a.code, b.balance::text AS balance,
            (SELECT sum(d.debits - d.credits)::text FROM finance.account_day_totals d
             WHERE d.tenant_id = b.tenant_id AND d.account_id = b.account_id AND d.currency = b.currency) AS by_day
     FROM finance.account_balances b JOIN finance.accounts a ON a.id = b.account_id`,
  );
  const expected = new Map<string, bigint>();
  const add = (key: string, amount: bigint) => expected.set(key, (expected.get(key) ?? 0n) + amount);
  for (const p of payments) {
    // Billed: Dr receivable, Cr deferred revenue; collected: Dr Stripe balance, Cr receivable (which nets to zero).
    add(`${p.tenantId} ${p.currency} 1300`, p.paid);
    add(`${p.tenantId} ${p.currency} 2100`, -p.paid);
    add(`${p.tenantId} ${p.currency} 1100`, p.paid);
    add(`${p.tenantId} ${p.currency} 1300`, -p.paid);
  }
  const { rows: schedules } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM finance.recognition_schedules WHERE source_ref LIKE 'invoice:in_bench_%'`,
  );
  return (
    totals.every((t) => t.balance === '0') &&
    schedules[0].n === payments.length &&
    lines.length === expected.size &&
    lines.every(
      (l) => BigInt(l.balance) === expected.get(`${l.tenant_id} ${l.currency} ${l.code}`) && l.by_day === l.balance,
    )
  );
}

async function until(check: () => Promise<boolean>, failure: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(failure);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
