import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/**
 * Drives `origin` with `connections` keep-alive connections for `seconds`: GET `/` (the
 * baseline), or GET each of `paths` in turn, every request with `headers` if given. The paths are given as fixed requests, so the load
 * generator (on the same two cores) spends no more per request on them than on the baseline's.
 */
export async function drive(
  origin: string,
  options: { connections: number; seconds: number; paths?: string[]; headers?: Record<string, string> },
): Promise<LoadResult> {
  const result = await autocannon({
    url: origin,
    connections: options.connections,
    duration: options.seconds,
    pipelining: 1,
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.paths ? { requests: options.paths.map((path) => ({ method: 'GET' as const, path })) } : {}),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
