import { jetstream } from '@nats-io/jetstream';
import { connectNats } from '@libs/common';
import { randomUUID } from 'node:crypto';
import type { OrderServingChangedEvent, ServedLine } from '@libs/contracts';
import { driveAgainstBaseline } from './against-baseline';
import { withStack } from './stack';
import { call, until, freePort } from './bench-calls';

/**
 * `npm run bench:ads`: the real gateway and advertising as processes, an agency with a site, and
 * ~200 live line items across 20 units (100 orders of 60 advertisers in 12 categories, a third of
 * the lines targeted by section or device, a sixth by country, sponsorships on a few units; half
 * the lines frequency-capped, a third with a priority, paced evenly or front-loaded), published as
 * advertising publishes them (`OrderServingChanged`, which every instance's memory follows). Then
 * 64 connections of pages asking for 3 units each (varied sections and devices, each with the cap
 * token an earlier answer gave it, so every decision reads and signs one, and the CDN's country
 * header) against advertising's own decision endpoint, and the same connections against a bare
 * Fastify hello-world, in alternating rounds of the same run.
 */
const CONNECTIONS = 64;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = 3;
const UNITS = 20;
const ORDERS = 100;
const LINES_PER_ORDER = 2;
const ADVERTISERS = 60;
const CATEGORIES = 12;
const SECTIONS = ['thoi-su', 'kinh-te', 'the-thao', 'giai-tri', 'cong-nghe'];
const DEVICES = ['desktop', 'mobile', 'tablet'] as const;
/** What the CDN says of every reader here (advertising's default header name). */
const COUNTRY = { 'cf-ipcountry': 'VN' };

async function main(): Promise<void> {
  const publicPort = await freePort();
  await withStack(
    ['gateway', 'advertising'],
    async ({ urls, operatorToken, natsUrl }) => {
      const agency = await call<{ tenant: { id: string }; adminApiKey: { secret: string } }>(
        `${urls.gateway}/v1/tenants`,
        { name: 'Báo Bench', slug: `bench-ads-${Date.now()}` },
        operatorToken,
      );
      const key = agency.adminApiKey.secret;
      const site = await call<{ id: string; publishableKey: string }>(
        `${urls.gateway}/v1/sites`,
        { name: 'Bench', domain: 'bench.example.vn' },
        key,
      );
      const origin = `http://127.0.0.1:${publicPort}`;
      const units = Array.from({ length: UNITS }, (_, i) => `unit-${i}`);
      // advertising knows the site (and its key) from the gateway's events
      await until(
        async () => (await fetch(`${origin}/v1/ads/decisions?siteKey=${site.publishableKey}&units=unit-0`)).ok,
      );
      await publishOrders(natsUrl, agency.tenant.id, site.id, units);
      // the last order published is in memory when its unit serves it
      const last = `order-last`;
      await until(async () => {
        const answer = (await (
          await fetch(`${origin}/v1/ads/decisions?siteKey=${site.publishableKey}&units=${units[UNITS - 1]},${last}`)
        ).json()) as { units: { ad: unknown }[] };
        return answer.units[1]?.ad !== null;
      });

      const pages = Array.from({ length: 5_000 }, (_, i) => {
        const first = (i * 7) % UNITS;
        const page = [first, (first + 1) % UNITS, (first + 2) % UNITS].map((n) => units[n]).join(',');
        const query = new URLSearchParams({
          siteKey: site.publishableKey,
          units: page,
          section: SECTIONS[i % SECTIONS.length],
          device: DEVICES[i % DEVICES.length],
        });
        return `/v1/ads/decisions?${query.toString()}`;
      });
      // each page carries the cap token its first answer gave (a reader coming back)
      const paths = await withCapTokens(origin, pages);
      const filled = await countFilled(origin, paths.slice(0, 300));

      const { bare, target: ads } = await driveAgainstBaseline(origin, paths, {
        connections: CONNECTIONS,
        seconds: SECONDS,
        rounds: ROUNDS,
        headers: COUNTRY,
      });
      const ratio = ads.rps / bare.rps;
      console.log(`units filled in a sample of pages: ${(filled * 100).toFixed(0)}%`);
      console.log(`bare Fastify:    ${Math.round(bare.rps)} req/s, p50 ${bare.p50} ms, p99 ${bare.p99} ms`);
      console.log(
        `ad decisions/s:  ${Math.round(ads.rps)} (pages of 3 units), p50 ${ads.p50} ms, p99 ${ads.p99} ms, errors ${ads.errors}, non-2xx ${ads.non2xx}`,
      );
      console.log(`ratio ${ratio.toFixed(2)} (target >= 0.5), p99 ${ads.p99} ms (target <= 20)`);
      if (ads.errors > 0 || ads.non2xx > 0) console.log('some decisions failed: the figures above are not valid');
      console.log(
        JSON.stringify({
          bench: 'ads',
          rps: Math.round(ads.rps),
          p50_ms: ads.p50,
          p99_ms: ads.p99,
          baseline_rps: Math.round(bare.rps),
          ratio: Number(ratio.toFixed(2)),
        }),
      );
    },
    { ADVERTISING_PUBLIC_PORT: String(publicPort) },
  );
}

/** ORDERS live orders of LINES_PER_ORDER lines each, spread over the units, and one more on a unit of its own. */
async function publishOrders(natsUrl: string, tenantId: string, siteId: string, units: string[]): Promise<void> {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const day = (offset: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  const line = (n: number, unitCode: string, sponsorship: boolean): ServedLine => ({
    lineId: randomUUID(),
    adUnitId: randomUUID(),
    siteId,
    unitCode,
    unitSizes: ['300x250', '336x280'],
    pricingModel: sponsorship ? 'sponsorship' : 'cpm',
    flightStart: day(-(n % 3)),
    flightEnd: day(1 + (n % 5)),
    impressionsPerDay: 1000 + (n % 7) * 500,
    targeting:
      n % 3 === 0
        ? { sections: [SECTIONS[n % SECTIONS.length], SECTIONS[(n + 1) % SECTIONS.length]] }
        : n % 3 === 1 && n % 2 === 0
          ? { devices: [DEVICES[n % DEVICES.length]] }
          : n % 6 === 5
            ? { countries: n % 4 === 1 ? ['VN', 'LA'] : ['TH'] }
            : {},
    priority: n % 3 === 2 ? 1 + (n % 5) : null,
    frequencyCap: n % 2 === 0 ? { impressions: 3 + (n % 4), hours: 24 } : null,
    pacing: n % 4 === 3 ? 'front-loaded' : 'even',
    creatives: Array.from({ length: 1 + (n % 3) }, () => ({
      creativeId: randomUUID(),
      kind: 'image' as const,
      size: '300x250',
      clickUrl: `https://brand-${n}.example.vn/`,
      headline: null,
      label: null,
      tag: null,
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      contentType: 'image/png',
    })),
  });
  const orders: OrderServingChangedEvent[] = Array.from({ length: ORDERS }, (_, n) => ({
    orderId: randomUUID(),
    advertiserId: `00000000-0000-4000-8000-${String(n % ADVERTISERS).padStart(12, '0')}`,
    category: `category-${n % CATEGORIES}`,
    status: 'live',
    version: 1,
    lines: Array.from({ length: LINES_PER_ORDER }, (_, i) =>
      line(n * LINES_PER_ORDER + i, units[(n * LINES_PER_ORDER + i) % units.length], n % 25 === 0 && i === 0),
    ),
  }));
  orders.push({
    orderId: randomUUID(),
    advertiserId: randomUUID(),
    category: 'last',
    status: 'live',
    version: 1,
    lines: [line(1, 'order-last', false)],
  });
  const nc = await connectNats(natsUrl, 'bench-ads');
  const js = jetstream(nc);
  for (const data of orders) {
    const envelope = {
      id: randomUUID(),
      type: 'evt.advertising.order-serving.changed.v1',
      source: 'advertising',
      tenantId,
      time: new Date().toISOString(),
      subject: data.orderId,
      dataVersion: '1',
      data,
    };
    await js.publish(envelope.type, JSON.stringify(envelope), { msgID: envelope.id });
  }
  await nc.drain();
}

async function countFilled(origin: string, paths: string[]): Promise<number> {
  let filled = 0;
  for (const path of paths) {
    const answer = (await (await fetch(`${origin}${path}`, { headers: COUNTRY })).json()) as {
      units: { ad: unknown }[];
    };
    filled += answer.units.filter((u) => u.ad !== null).length;
  }
  return filled / (paths.length * 3);
}

/** Each page with the cap token its first answer gave, when a capped line served it. */
async function withCapTokens(origin: string, pages: string[]): Promise<string[]> {
  const paths: string[] = [];
  for (let at = 0; at < pages.length; at += 50) {
    const batch = pages.slice(at, at + 50);
    const answers = await Promise.all(
      batch.map(
        async (path) =>
          (await (await fetch(`${origin}${path}`, { headers: COUNTRY })).json()) as { capToken: string | null },
      ),
    );
    batch.forEach((path, i) => {
      const token = answers[i].capToken;
      paths.push(token ? `${path}&${new URLSearchParams({ cap: token }).toString()}` : path);
    });
  }
  const carrying = paths.filter((path) => path.includes('&cap=')).length;
  console.log(`pages carrying a cap token: ${Math.round((carrying * 100) / paths.length)}%`);
  return paths;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
