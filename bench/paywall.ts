import { jetstream } from '@nats-io/jetstream';
import { connectNats } from '@libs/common';
import { randomUUID } from 'node:crypto';
import { driveAgainstBaseline } from './against-baseline';
import { PUBLIC_DECISIONS_PORT, withStack } from './stack';

/**
 * `npm run bench:paywall`: the real gateway and paywall as processes, an agency with a site,
 * policies (premium behind a subscription, five free a month, a registration bonus), 2,000
 * articles and 2,000 subscribers; then 64 connections of mixed decisions (anonymous readers
 * with meters of every length, new readers, subscribers, logged-in readers) against the
 * paywall's own endpoint, and the same connections against a bare Fastify hello-world, in
 * alternating rounds of the same run.
 */
const CONNECTIONS = 64;
/** Seconds of each measured round; rounds alternate baseline and paywall. */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = 3;
const ARTICLES = 2_000;
const SUBSCRIBERS = 2_000;
const DAY = 86_400_000;

async function main(): Promise<void> {
  await withStack(['gateway', 'paywall'], async ({ urls, operatorToken, natsUrl }) => {
    const api = client(urls.gateway);
    const agency = await api<{ tenant: { id: string }; adminApiKey: { secret: string } }>(
      'POST',
      '/v1/tenants',
      { name: 'Báo Bench', slug: `bench-${Date.now()}` },
      operatorToken,
    );
    const key = agency.adminApiKey.secret;
    const tenantId = agency.tenant.id;
    const site = await api<{ publishableKey: string }>(
      'POST',
      '/v1/sites',
      { name: 'Bench', domain: 'bench.example.vn' },
      key,
    );
    await api(
      'PUT',
      '/v1/paywall/policies',
      {
        policies: [
          { name: 'Premium', active: true, rule: { kind: 'freemium' } },
          {
            name: 'Five a month, three more registered',
            active: true,
            rule: { kind: 'metered', limit: 5, registrationBonus: 3 },
          },
        ],
      },
      key,
    );
    const sections = ['thoi-su', 'kinh-te', 'the-thao', 'giai-tri', 'cong-nghe'];
    for (let start = 0; start < ARTICLES; start += 500) {
      const items = Array.from({ length: 500 }, (_, i) => {
        const n = start + i;
        return {
          articleId: `bai-${n}`,
          url: `https://bench.example.vn/bai-${n}`,
          section: sections[n % sections.length],
          tags: [],
          publishedAt: new Date(Date.now() - (n % 30) * DAY).toISOString(),
          accessLevel: n % 5 === 0 ? 'premium' : n % 7 === 0 ? 'free' : 'metered',
        };
      });
      await api('POST', '/v1/paywall/articles/bulk', { items }, key);
    }
    await publishSubscribers(natsUrl, tenantId);

    const decisionsOrigin = `http://127.0.0.1:${PUBLIC_DECISIONS_PORT}`;
    const decide = (body: object) =>
      api<{ access: string; meterToken: string | null }>(
        'POST',
        '/v1/paywall/decisions',
        body,
        undefined,
        { 'x-site-key': site.publishableKey },
        decisionsOrigin,
      );
    const subscriberTokens: string[] = [];
    const registeredTokens: string[] = [];
    for (let i = 0; i < 300; i++)
      subscriberTokens.push(
        (await api<{ token: string }>('POST', '/v1/paywall/reader-tokens', { readerId: `sub-${i}` }, key)).token,
      );
    for (let i = 0; i < 300; i++)
      registeredTokens.push(
        (await api<{ token: string }>('POST', '/v1/paywall/reader-tokens', { readerId: `reg-${i}` }, key)).token,
      );
    // Wait until the paywall has every subscriber in memory.
    for (let attempt = 0; ; attempt++) {
      const answer = await decide({ articleId: 'bai-0', readerToken: subscriberTokens[subscriberTokens.length - 1] });
      if (answer.access === 'allow') break;
      if (attempt > 300) throw new Error('subscribers never reached the paywall');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const meterTokens: string[] = [];
    for (let reader = 0; reader < 400; reader++) {
      let token: string | undefined;
      for (let read = 0; read < reader % 8; read++)
        token =
          (await decide({ articleId: `bai-${(reader * 13 + read) % ARTICLES}`, meterToken: token })).meterToken ??
          undefined;
      if (token) meterTokens.push(token);
    }

    const article = (i: number) => `bai-${(i * 7919) % ARTICLES}`;
    // What reader pages send: GET with the fields in the query (no preflight, no body to parse).
    const query = (fields: Record<string, string>) =>
      `/v1/paywall/decisions?${new URLSearchParams({ siteKey: site.publishableKey, ...fields }).toString()}`;
    const paths = Array.from({ length: 5_000 }, (_, i) => {
      const kind = i % 10;
      if (kind < 5)
        return query({
          articleId: article(i),
          meterToken: meterTokens[i % meterTokens.length],
          country: 'VN',
          device: 'mobile',
        });
      if (kind < 7) return query({ articleId: article(i), referrer: 'https://www.google.com/' });
      if (kind < 9) return query({ articleId: article(i), readerToken: subscriberTokens[i % subscriberTokens.length] });
      return query({ articleId: article(i), readerToken: registeredTokens[i % registeredTokens.length] });
    });

    const { bare, target: paywall } = await driveAgainstBaseline(decisionsOrigin, paths, {
      connections: CONNECTIONS,
      seconds: SECONDS,
      rounds: ROUNDS,
    });

    const ratio = paywall.rps / bare.rps;
    console.log(`bare Fastify:        ${Math.round(bare.rps)} req/s, p50 ${bare.p50} ms, p99 ${bare.p99} ms`);
    console.log(
      `paywall decisions/s: ${Math.round(paywall.rps)}, p50 ${paywall.p50} ms, p99 ${paywall.p99} ms, errors ${paywall.errors}, non-2xx ${paywall.non2xx}`,
    );
    console.log(`ratio ${ratio.toFixed(2)} (target >= 0.5), p99 ${paywall.p99} ms (target <= 20)`);
    if (paywall.errors > 0 || paywall.non2xx > 0) console.log('some decisions failed: the figures above are not valid');
    console.log(
      JSON.stringify({
        bench: 'paywall',
        rps: Math.round(paywall.rps),
        p50_ms: paywall.p50,
        p99_ms: paywall.p99,
        baseline_rps: Math.round(bare.rps),
        ratio: Number(ratio.toFixed(2)),
      }),
    );
  });
}

/** Entitlements as the subscriptions service publishes them, for SUBSCRIBERS readers. */
async function publishSubscribers(natsUrl: string, tenantId: string): Promise<void> {
  const nc = await connectNats(natsUrl, 'bench-subscribers');
  const js = jetstream(nc);
  const until = new Date(Date.now() + 30 * DAY).toISOString();
  await Promise.all(
    Array.from({ length: SUBSCRIBERS }, (_, i) => {
      const readerKey = `reader:sub-${i}`;
      const envelope = {
        id: randomUUID(),
        type: 'evt.subscriptions.entitlement.changed.v1',
        source: 'subscriptions',
        tenantId,
        time: new Date().toISOString(),
        subject: readerKey,
        dataVersion: '1',
        data: {
          readerKey,
          readerId: `sub-${i}`,
          email: null,
          version: 1,
          entitlements: [
            { key: 'premium-articles', until, source: 'subscription', sourceId: randomUUID(), reason: 'active' },
          ],
        },
      };
      return js.publish(envelope.type, JSON.stringify(envelope), { msgID: envelope.id });
    }),
  );
  await nc.drain();
}

function client(baseUrl: string) {
  return async <T = unknown>(
    method: string,
    path: string,
    body: unknown,
    bearer?: string,
    headers: Record<string, string> = {},
    base = baseUrl,
  ): Promise<T> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed = await response.json().catch(() => null);
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(parsed)}`);
    return parsed as T;
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
