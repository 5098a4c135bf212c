import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { FinanceEnv } from '../apps/finance/src/config/finance.config';
import { generateReconciliationData } from './reconcile-data';
import { withStack } from './stack';

/**
 * `npm run bench:reconcile`: the real gateway and finance as processes; an agency with a year of
 * Stripe activity as imported (1,000,000 balance transactions by default, BENCH_TRANSACTIONS),
 * its books, payouts and bank lines, generated in SQL with one discrepancy in a hundred
 * transactions (every kind). Then our reconciliation run (started through the API, timed inside
 * finance: linking, matching, payouts, exceptions) against a baseline in the same database: one
 * SQL full outer join of the same two sets, Stripe's transactions and the ledger's keys, on the
 * Stripe object ids. Every injected discrepancy must be reported, and nothing else.
 */
const TRANSACTIONS = Number(process.env.BENCH_TRANSACTIONS ?? 1_000_000);
const BASELINE_ROUNDS = 3;
/** The run sets this much work_mem for its transaction; the baseline gets the same, so neither hashes with more memory. */
const WORK_MEM_MB = Number(process.env.RECONCILIATION_WORK_MEM_MB ?? new FinanceEnv().RECONCILIATION_WORK_MEM_MB);

const BASELINE = `
  SELECT count(*) FROM (SELECT id, source_id, reporting_category, currency, net FROM finance.stripe_balance_transactions WHERE tenant_id = $1) s
  FULL JOIN (SELECT stripe_source_id, reporting_category, currency, amount FROM finance.stripe_ledger_keys WHERE tenant_id = $1 AND rank = 1) k
    ON k.stripe_source_id = s.source_id AND k.reporting_category = s.reporting_category`;

async function main(): Promise<void> {
  await withStack(['gateway', 'finance'], async ({ urls, databaseUrl, operatorToken }) => {
    const api = client(urls.gateway);
    const agency = await api<{ tenant: { id: string }; adminApiKey: { secret: string } }>(
      'POST',
      '/v1/tenants',
      { name: 'Báo Bench', slug: `bench-${Date.now()}` },
      operatorToken,
    );
    const key = agency.adminApiKey.secret;
    const tenantId = agency.tenant.id;
    for (
      let attempt = 0;
      (await api<{ items: unknown[] }>('GET', '/v1/finance/accounts', undefined, key)).items.length === 0;
      attempt++
    ) {
      if (attempt > 300) throw new Error('the agency was never provisioned in finance');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const generating = performance.now();
      await generateReconciliationData(db, tenantId, TRANSACTIONS);
      const injected = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM bench_injected`)).rows[0].n);
      console.log(
        `generated ${TRANSACTIONS} Stripe transactions, their books, payouts and bank lines, ${injected} discrepancies, in ${seconds(performance.now() - generating)} s`,
      );

      await db.query(`SET work_mem = '${WORK_MEM_MB}MB'`);
      const timeBaseline = async () => {
        const started = performance.now();
        await db.query(BASELINE, [tenantId]);
        return (performance.now() - started) / 1000;
      };
      const baselines = [await timeBaseline(), await timeBaseline()]; // the first also warms the cache for both
      const run = await reconcile(api, key);
      for (let round = 2; round < BASELINE_ROUNDS + 1; round++) baselines.push(await timeBaseline());
      const again = await reconcile(api, key);
      const baseline = median(baselines.slice(1));

      const [counts] = (
        await db.query<{ reported: string; false_reports: string }>(
          `SELECT count(*) FILTER (WHERE i.kind IS NOT NULL) AS reported, count(*) FILTER (WHERE i.kind IS NULL) AS false_reports
         FROM finance.reconciliation_exceptions x LEFT JOIN bench_injected i ON i.kind = x.kind AND i.subject_key = x.subject_key
         WHERE x.tenant_id = $1 AND x.status = 'open'`,
          [tenantId],
        )
      ).rows;
      const reported = Number(counts.reported);
      const falseReports = Number(counts.false_reports);
      const runSeconds = run.durationMs / 1000;
      const ratio = runSeconds / baseline;
      console.log(
        `work_mem ${WORK_MEM_MB} MB for both; baseline (one full outer join of transactions and ledger keys): ${baselines.map((b) => b.toFixed(3)).join(', ')} s, median ${baseline.toFixed(3)} s`,
      );
      console.log(
        `reconciliation run: ${runSeconds.toFixed(3)} s (${run.stripeTransactions} transactions, ${run.matched} matched, ${run.payoutsMatched} payouts found, ${run.exceptionsOpened} exceptions)`,
      );
      console.log(
        `second run over the same data: ${(again.durationMs / 1000).toFixed(3)} s, ${again.exceptionsOpened} exceptions opened`,
      );
      console.log(
        `ratio ${ratio.toFixed(2)} (target <= 2), reported ${reported} of ${injected} injected, ${falseReports} false reports`,
      );
      console.log(
        JSON.stringify({
          bench: 'reconcile',
          transactions: TRANSACTIONS,
          seconds: round3(runSeconds),
          baseline_seconds: round3(baseline),
          ratio: Number(ratio.toFixed(2)),
          injected,
          reported,
          false_reports: falseReports,
        }),
      );
    } finally {
      await db.end();
    }
  });
}

interface RunView {
  id: string;
  status: string;
  durationMs: number;
  stripeTransactions: number;
  matched: number;
  payoutsMatched: number;
  exceptionsOpened: number;
  error: string | null;
}

async function reconcile(api: ReturnType<typeof client>, key: string): Promise<RunView> {
  const started = await api<RunView>('POST', '/v1/finance/reconciliation/runs', {}, key);
  for (;;) {
    const run = await api<RunView>('GET', `/v1/finance/reconciliation/runs/${started.id}`, undefined, key);
    if (run.status === 'succeeded') return run;
    if (run.status === 'failed') throw new Error(`the run failed: ${run.error}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const round3 = (value: number) => Math.round(value * 1000) / 1000;

function client(baseUrl: string) {
  return async <T = unknown>(method: string, path: string, body: unknown, bearer?: string): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
