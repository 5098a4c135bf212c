import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Drives one endpoint with `connections` keep-alive connections for `seconds`, bodies taken in turn. */
export async function drive(url: string, options: { connections: number; seconds: number; headers?: Record<string, string>; bodies?: string[] }): Promise<LoadResult> {
  const { bodies } = options;
  let next = 0;
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    pipelining: 1,
    requests: [
      {
        method: bodies ? 'POST' : 'GET',
        headers: { 'content-type': 'application/json', ...options.headers },
        setupRequest: (request) => (bodies ? { ...request, body: bodies[next++ % bodies.length] } : request),
      },
    ],
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx };
}
