import autocannon from 'autocannon';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { parseSigningKeys, SignedTokens } from '@libs/common';
import { BeaconTokens } from '../apps/advertising/src/beacons/beacon-tokens';
import { startBaseline, withStack } from './stack';
import { call, until, freePort } from './bench-calls';

/**
 * `npm run bench:tracking`: the real gateway and advertising as processes, an agency (advertising
 * learns its time zone from the gateway's event), and beacons signed with the keys the stack runs
 * with (`ADVERTISING_TOKEN_KEYS`), each with a beacon id of its own, so none can be
 * deduplicated: impressions and viewable impressions of 200 placements (lines, units, creatives)
 * over 50 articles. 64 connections send them at full speed to advertising's public port in
 * rounds of BENCH_SECONDS (20: 60 s in all), alternating with rounds against a bare Fastify
 * server sent the same requests (the load generator signs a beacon for every request of both).
 * Then the stored rows are read back: every beacon answered 204 must be stored (`stored` counts
 * those), once (`duplicates`), and the hourly counters must add up to the rows. A beacon whose
 * answer the load generator cut off at a round's end may be stored too (`stored_unanswered`).
 */
const CONNECTIONS = 64;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const ROUNDS = 3;
const PLACEMENTS = 200;
const ARTICLES = 50;
const USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

interface Round {
  answered: number;
  seconds: number;
  errors: number;
  other: number;
}

async function main(): Promise<void> {
  const publicPort = await freePort();
  const keys = `k1:${randomBytes(32).toString('base64')}`;
  const beacons = new BeaconTokens(new SignedTokens(parseSigningKeys(keys)));
  await withStack(
    ['gateway', 'advertising'],
    async ({ urls, operatorToken, databaseUrl }) => {
      const agency = await call<{ tenant: { id: string }; adminApiKey: { secret: string } }>(
        `${urls.gateway}/v1/tenants`,
        { name: 'Báo Bench', slug: `bench-tracking-${Date.now()}` },
        operatorToken,
      );
      const site = await call<{ id: string }>(
        `${urls.gateway}/v1/sites`,
        { name: 'Bench', domain: 'bench.example.vn' },
        agency.adminApiKey.secret,
      );
      const orders = Array.from({ length: 20 }, () => randomUUID());
      const placements = Array.from({ length: PLACEMENTS }, (_, n) =>
        BeaconTokens.placementOf({
          tenantId: agency.tenant.id,
          siteId: site.id,
          orderId: orders[n % orders.length],
          lineId: randomUUID(),
          adUnitId: randomUUID(),
          creativeId: randomUUID(),
          clickUrl: null,
        }),
      );
      let issued = 0;
      /** A new beacon for every request: its path, and its key as stored. */
      const nextBeacon = () => {
        const n = issued++;
        const kind = n % 3 === 2 ? 'viewable' : 'impression';
        const { beaconId, token } = beacons.issue(placements[n % PLACEMENTS], Date.now(), `bai-${n % ARTICLES}`);
        return { path: `/v1/ads/events/${kind}?b=${token}`, key: `${beaconId} ${kind}` };
      };
      const origin = `http://127.0.0.1:${publicPort}`;
      const accepted = new Set<string>();
      // advertising knows the agency (its time zone) from the gateway's event
      await until(async () => {
        const probe = nextBeacon();
        const answer = await fetch(`${origin}${probe.path}`, { headers: { 'user-agent': USER_AGENT } });
        if (answer.status === 204) accepted.add(probe.key);
        return answer.status === 204;
      });

      const baseline = await startBaseline();
      const bareRounds: Round[] = [];
      const beaconRounds: Round[] = [];
      try {
        const sink = new Set<string>();
        await drive(baseline.url, 2, nextBeacon, sink, '/');
        await drive(origin, 2, nextBeacon, accepted);
        for (let round = 0; round < ROUNDS; round++) {
          sink.clear();
          bareRounds.push(await drive(baseline.url, SECONDS, nextBeacon, sink, '/'));
          beaconRounds.push(await drive(origin, SECONDS, nextBeacon, accepted));
        }
      } finally {
        await baseline.stop();
      }
      // what is still committing when a round ends is answered to no one; let it land
      await new Promise((resolve) => setTimeout(resolve, 2000));

      const metrics = await (await fetch(`${urls.advertising}/metrics`)).text();
      const metric = (name: string) => Number(new RegExp(`^${name}\\{[^}]*\\} (\\S+)$`, 'm').exec(metrics)?.[1] ?? NaN);
      const batchSize = metric('advertising_beacon_batch_size_sum') / metric('advertising_beacon_batch_size_count');
      const db = new Client({ connectionString: databaseUrl });
      await db.connect();
      try {
        const { rows } = await db.query<{ key: string }>(
          `SELECT beacon_id::text || ' ' || kind AS key FROM advertising.ad_events`,
        );
        const stored = new Set(rows.map((row) => row.key));
        const storedAccepted = [...accepted].filter((key) => stored.has(key)).length;
        const { rows: checks } = await db.query<{ duplicates: number; counted: string; events: string }>(
          `SELECT (SELECT count(*) - count(DISTINCT (beacon_id, kind)) FROM advertising.ad_events)::int AS duplicates,
                  (SELECT coalesce(sum(impressions + viewables + clicks), 0) FROM advertising.delivery_hours)::text AS counted,
                  (SELECT count(*) FROM advertising.ad_events)::text AS events`,
        );
        const rate = (rounds: Round[]) =>
          rounds.reduce((total, r) => total + r.answered / r.seconds, 0) / rounds.length;
        const bare = rate(bareRounds);
        const events = rate(beaconRounds);
        const failures = beaconRounds.reduce((total, r) => total + r.errors + r.other, 0);
        console.log(`bare Fastify:  ${Math.round(bare)} req/s`);
        console.log(`beacons:       ${Math.round(events)} stored and answered/s, errors or non-204 ${failures}`);
        console.log(
          `accepted ${accepted.size}, of them stored ${storedAccepted}; rows ${rows.length} ` +
            `(${rows.length - storedAccepted} stored with their answer cut off at a round's end); ` +
            `counters ${checks[0].counted} for ${checks[0].events} rows`,
        );
        if (checks[0].counted !== checks[0].events) console.log('the hourly counters do not add up to the raw events');
        console.log(`beacons per statement (group commit): ${batchSize.toFixed(1)} on average`);
        console.log(`ratio ${(events / bare).toFixed(2)} (target >= 0.5)`);
        console.log(
          JSON.stringify({
            bench: 'tracking',
            events_per_s: Math.round(events),
            baseline_rps: Math.round(bare),
            ratio: Number((events / bare).toFixed(2)),
            accepted: accepted.size,
            stored: storedAccepted,
            duplicates: checks[0].duplicates,
            stored_unanswered: rows.length - storedAccepted,
            counters_match: checks[0].counted === checks[0].events,
          }),
        );
      } finally {
        await db.end();
      }
    },
    { ADVERTISING_PUBLIC_PORT: String(publicPort), ADVERTISING_TOKEN_KEYS: keys },
  );
}

/**
 * `seconds` of requests from CONNECTIONS connections to `origin`, each a new beacon (`prefix`
 * replaces the beacon path for the baseline, which answers any query); the keys of those answered
 * 2xx join `answered`. The same work per request for both targets.
 */
async function drive(
  origin: string,
  seconds: number,
  nextBeacon: () => { path: string; key: string },
  answered: Set<string>,
  prefix?: string,
): Promise<Round> {
  const result = await autocannon({
    url: origin,
    connections: CONNECTIONS,
    duration: seconds,
    pipelining: 1,
    headers: { 'user-agent': USER_AGENT },
    requests: [
      {
        method: 'GET',
        setupRequest: (request, context: { key?: string }) => {
          const beacon = nextBeacon();
          context.key = beacon.key;
          return { ...request, path: prefix ? `${prefix}?${beacon.path.split('?')[1]}` : beacon.path };
        },
        onResponse: (status: number, _body: string, context: { key?: string }) => {
          if (status >= 200 && status < 300 && context.key) answered.add(context.key);
        },
      },
    ],
  });
  return {
    answered: result['2xx'],
    seconds: result.duration,
    errors: result.errors + result.timeouts,
    other: result.non2xx,
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
