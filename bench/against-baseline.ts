import { drive, LoadResult } from './http-load';
import { startBaseline } from './stack';

/**
 * Drives a bare Fastify server and `origin` (on `paths`) in turns, after a short warm-up of each,
 * so a shared machine's drift falls on both alike; answers both, rounds combined (mean rate, worst
 * latencies, all errors). `headers` go with every request to both.
 */
export async function driveAgainstBaseline(
  origin: string,
  paths: string[],
  load: { connections: number; seconds: number; rounds: number; headers?: Record<string, string> },
): Promise<{ bare: LoadResult; target: LoadResult }> {
  const { connections, seconds, rounds, headers } = load;
  const baseline = await startBaseline();
  const bareRounds: LoadResult[] = [];
  const targetRounds: LoadResult[] = [];
  try {
    await drive(baseline.url, { connections, seconds: 2, headers });
    await drive(origin, { connections, seconds: 2, paths, headers });
    for (let round = 0; round < rounds; round++) {
      bareRounds.push(await drive(baseline.url, { connections, seconds, headers }));
      targetRounds.push(await drive(origin, { connections, seconds, paths, headers }));
    }
  } finally {
    await baseline.stop();
  }
  return { bare: combine(bareRounds), target: combine(targetRounds) };
}

function combine(rounds: LoadResult[]): LoadResult {
  const sum = (pick: (r: LoadResult) => number) => rounds.reduce((total, r) => total + pick(r), 0);
  return {
    rps: sum((r) => r.rps) / rounds.length,
    p50: Math.max(...rounds.map((r) => r.p50)),
    p99: Math.max(...rounds.map((r) => r.p99)),
    errors: sum((r) => r.errors),
    non2xx: sum((r) => r.non2xx),
  };
}
