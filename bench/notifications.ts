import 'reflect-metadata';
import { Client } from 'pg';
import { PaymentRailName, PaymentSucceeded } from '@libs/contracts';
import { startFakeMomo } from '../test/momo-fake/fake-momo';
import { startFakePayos } from '../test/payos-fake/fake-payos';
import { NotificationSent, RailFake, RailNotification } from '../test/support/rail-fake';
import { startFakeVnpay } from '../test/vnpay-fake/fake-vnpay';
import { NotificationLoadResult, percentile, sendNotifications } from './notification-load';
import { agencyOn, gatewayAt, PaidPayment, paidPayment, RailAgency, SetupSpent } from './rail-payments';
import { startBaseline, withStack } from './stack';

/**
 * `npm run bench:notifications`: the real gateway, payments, subscriptions and finance as
 * processes, with the payments service talking to the MoMo, VNPay and payOS fakes. Agencies with
 * an account on each rail ask for PAYMENTS payments through the gateway; each payer opens the pay
 * link and pays, and the fake keeps the signed notification (setup, not timed). Then every
 * notification is sent SENDS times, the whole shuffled, IN_FLIGHT at a time, to the payments
 * service's own notification port, each request timed; then finance is waited for until it has
 * booked every payment. The baseline, in the same run: the same requests, same client and
 * concurrency, against a bare Fastify server, before and after.
 */
const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 10_000);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 32);
/** Payments set up at once through the gateway. */
const SETUP_IN_FLIGHT = Number(process.env.BENCH_SETUP_IN_FLIGHT ?? 16);
/** Each notification arrives this many times, as the rails retry. */
const SENDS = 3;
const RAILS: PaymentRailName[] = ['momo', 'vnpay', 'payos'];
const AGENCIES_PER_RAIL = 2;
/** Finance booking nothing new for this long means it will not book the rest. */
const STALL_MS = 60_000;

async function main(): Promise<void> {
  const fakes = Object.fromEntries(
    await Promise.all([startFakeMomo(), startFakeVnpay(), startFakePayos()]).then((started) =>
      started.map((fake) => [fake.rail, fake]),
    ),
  ) as Record<PaymentRailName, RailFake>;
  const overrides = {
    PAYMENT_RAIL_URLS: RAILS.map((rail) => `${rail}=${fakes[rail].url}`).join(','),
    // the status job would settle the payments setup left unnotified before the bench notifies them
    PAYMENT_STATUS_QUERY_AFTER_S: '86400',
  };
  try {
    await withStack(
      ['gateway', 'payments', 'subscriptions', 'finance'],
      async ({ urls, databaseUrl, operatorToken }) => {
        const db = new Client({ connectionString: databaseUrl });
        await db.connect();
        try {
          await measure(db, urls.gateway, operatorToken, fakes);
        } finally {
          await db.end();
        }
      },
      overrides,
    );
  } finally {
    await Promise.all(RAILS.map((rail) => fakes[rail].close()));
  }
}

async function measure(
  db: Client,
  gatewayUrl: string,
  operatorToken: string,
  fakes: Record<PaymentRailName, RailFake>,
): Promise<void> {
  const gateway = gatewayAt(gatewayUrl);
  let started = performance.now();
  const agencies: RailAgency[] = [];
  for (let n = 0; n < AGENCIES_PER_RAIL; n++)
    for (const rail of RAILS) agencies.push(await agencyOn(gateway, operatorToken, fakes[rail]));
  console.log(`${agencies.length} agencies, each with an account on one rail, in ${since(started)} s`);

  started = performance.now();
  const spent: SetupSpent = { create: 0, attempt: 0, pay: 0 };
  const paid = await inPool(PAYMENTS, SETUP_IN_FLIGHT, (n) => {
    const agency = agencies[n % agencies.length];
    return paidPayment(gateway, agency, fakes[agency.rail], n, spent);
  });
  const setupSeconds = (performance.now() - started) / 1000;
  console.log(
    `${PAYMENTS} payments asked for, attempted and paid (notifications held) in ${setupSeconds.toFixed(1)} s, ` +
      `${SETUP_IN_FLIGHT} at a time; per payment: ask ${perPayment(spent.create)} ms, ` +
      `attempt ${perPayment(spent.attempt)} ms, pay ${perPayment(spent.pay)} ms`,
  );

  const sends = shuffled(paid.flatMap((payment) => Array.from({ length: SENDS }, () => payment)));
  const notifications = sends.map((payment) => payment.notification);
  const baseline = await startBaseline();
  let bareBefore: NotificationLoadResult;
  let load: NotificationLoadResult;
  let bareAfter: NotificationLoadResult;
  let bookedSeconds: number | null;
  try {
    const toBaseline = (n: RailNotification) => ({ ...n, url: `${baseline.url}/${new URL(n.url).search}` });
    bareBefore = await sendNotifications(notifications, IN_FLIGHT, toBaseline);
    load = await sendNotifications(notifications, IN_FLIGHT);
    const waited = await untilBooked(db, agencies, paid.length);
    bookedSeconds = waited === null ? null : load.seconds + waited;
    bareAfter = await sendNotifications(notifications, IN_FLIGHT, toBaseline);
  } finally {
    await baseline.stop();
  }

  const figures = await countFigures(db, agencies, paid);
  const refused = load.answers.filter((answer, at) => !acknowledged(sends[at].rail, answer)).length;
  const perS = notifications.length / load.seconds;
  const barePerS = notifications.length / ((bareBefore.seconds + bareAfter.seconds) / 2);
  const p50 = round(percentile(load.latencies, 0.5));
  const p99 = round(percentile(load.latencies, 0.99));
  console.log(
    `bare Fastify, same requests: ${Math.round(notifications.length / bareBefore.seconds)} req/s before, ` +
      `${Math.round(notifications.length / bareAfter.seconds)} after, p99 ${round(percentile(bareBefore.latencies, 0.99))} ms`,
  );
  console.log(
    `${notifications.length} notifications (${SENDS} of each, shuffled, ${IN_FLIGHT} in flight) in ${load.seconds.toFixed(1)} s: ` +
      `${Math.round(perS)}/s, p50 ${p50} ms, p99 ${p99} ms, not acknowledged ${refused}; ratio ${(perS / barePerS).toFixed(3)}`,
  );
  console.log(
    `succeeded ${figures.succeeded} of ${paid.length}; notifications stored ${figures.stored}; ` +
      `PaymentSucceeded events ${figures.succeededEvents}; journal entries ${figures.entries} ` +
      `(double-booked ${figures.doubleBooked}), all booked ${bookedSeconds === null ? 'never' : `${bookedSeconds.toFixed(1)} s`} after the first notification`,
  );
  console.log(
    JSON.stringify({
      bench: 'notifications',
      payments: paid.length,
      sent: notifications.length,
      succeeded: figures.succeeded,
      ledger_entries: figures.entries,
      double_booked: figures.doubleBooked,
      notifications_per_s: Math.round(perS),
      p99_ms: p99,
      p50_ms: p50,
      not_acknowledged: refused,
      stored: figures.stored,
      succeeded_events: figures.succeededEvents,
      booked_s: bookedSeconds === null ? null : round(bookedSeconds),
      baseline_per_s: Math.round(barePerS),
      ratio: Number((perS / barePerS).toFixed(3)),
    }),
  );

  function perPayment(ms: number): string {
    return (ms / PAYMENTS).toFixed(1);
  }
}

/** Whether the payments service answered as the rail expects for a payment it has taken (first time or again). */
function acknowledged(rail: PaymentRailName, answer: NotificationSent | null): boolean {
  if (answer === null) return false;
  switch (rail) {
    case 'momo':
      return answer.status === 204;
    case 'vnpay':
      return answer.status === 200 && ['00', '02'].includes((JSON.parse(answer.body) as { RspCode: string }).RspCode);
    case 'payos':
      return answer.status === 200 && (JSON.parse(answer.body) as { success: boolean }).success;
  }
}

/** Waits until finance has booked an entry for every payment; answers the seconds it waited, or null if it stalled. */
async function untilBooked(db: Client, agencies: RailAgency[], payments: number): Promise<number | null> {
  const started = performance.now();
  let last = -1;
  let stalledSince = performance.now();
  for (;;) {
    const booked = await bookedEntries(db, agencies);
    if (booked >= payments) return (performance.now() - started) / 1000;
    if (booked !== last) {
      last = booked;
      stalledSince = performance.now();
    } else if (performance.now() - stalledSince > STALL_MS) {
      console.log(`finance stopped booking at ${booked} of ${payments} payments`);
      return null;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function bookedEntries(db: Client, agencies: RailAgency[]): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM finance.journal_entries
     WHERE tenant_id = ANY($1::uuid[]) AND source_key LIKE 'payment-succeeded:%'`,
    [agencies.map((a) => a.tenantId)],
  );
  return rows[0].n;
}

interface Figures {
  succeeded: number;
  stored: number;
  succeededEvents: number;
  entries: number;
  doubleBooked: number;
}

/** What the payments service and finance hold for the bench's agencies, read from their schemas. */
async function countFigures(db: Client, agencies: RailAgency[], paid: PaidPayment[]): Promise<Figures> {
  const tenants = agencies.map((a) => a.tenantId);
  const one = async (sql: string, values: unknown[]): Promise<number> =>
    (await db.query<{ n: number }>(sql, values)).rows[0].n;
  const succeeded = await one(
    `SELECT count(*)::int AS n FROM payments.payments WHERE id = ANY($1::uuid[]) AND status = 'succeeded'`,
    [paid.map((p) => p.paymentId)],
  );
  const stored = await one(
    `SELECT count(*)::int AS n FROM payments.rail_notifications WHERE tenant_id = ANY($1::uuid[])`,
    [tenants],
  );
  const succeededEvents = await one(
    `SELECT count(*)::int AS n FROM payments.outbox WHERE subject = $1 AND envelope->>'tenantId' = ANY($2::text[])`,
    [PaymentSucceeded.subject, tenants],
  );
  const entries = await bookedEntries(db, agencies);
  // entries beyond one per payment (the journal's unique source key should keep this at 0)
  const doubleBooked = await one(
    `SELECT coalesce(sum(n - 1), 0)::int AS n FROM (
       SELECT count(*) AS n FROM finance.journal_entries
       WHERE tenant_id = ANY($1::uuid[]) AND source_key LIKE 'payment-succeeded:%'
       GROUP BY source_key) per_payment`,
    [tenants],
  );
  return { succeeded, stored, succeededEvents, entries, doubleBooked };
}

/** Runs `work(n)` for n below `count`, `inFlight` at a time; answers the results in n's order. */
async function inPool<T>(count: number, inFlight: number, work: (n: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const n = next++;
      results[n] = await work(n);
      if ((n + 1) % Math.max(1, Math.round(count / 10)) === 0) console.log(`  ${n + 1} of ${count} set up`);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return results;
}

/** Fisher–Yates: every order equally likely. */
function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function since(started: number): string {
  return ((performance.now() - started) / 1000).toFixed(1);
}

function round(ms: number): number {
  return Number(ms.toFixed(1));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
