import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { parseSigningKeys, SignedTokens } from '@libs/common';
import { eventually, freePort } from '@libs/testing';
import { BeaconTokens } from '../apps/advertising/src/beacons/beacon-tokens';
import { AdvertisingEnv } from '../apps/advertising/src/config/advertising.config';
import { PublicAdServer } from '../apps/advertising/src/decisions/public-ad-server';
import { siteFollowed } from './support/ad-booking-fixtures';
import { decide, liveAd } from './support/ad-serving-fixtures';
import { createAgency } from './support/agencies';
import { Api } from './support/api';
import { TestSuite } from './support/test-suite';

const root = join(__dirname, '..');
const ADVERTISING_MAIN = join(root, 'dist/apps/advertising/src/main.js');
const PAGES = 800;
const CONNECTIONS = 32;
const READER = {
  'user-agent':
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
};

/** Advertising as its own process (what `npm start` runs), so it can be killed outright; answers it and its public origin. */
async function startAdvertisingProcess(
  suite: TestSuite,
  probe: string,
): Promise<{ child: ChildProcess; origin: string }> {
  const [port, publicPort] = [await freePort(), await freePort()];
  const env = Object.fromEntries(
    Object.entries(suite.envOf('advertising')).map(([key, value]) => [key, String(value)]),
  );
  const child = spawn(process.execPath, [ADVERTISING_MAIN], {
    env: { ...process.env, ...env, HTTP_PORT: String(port), ADVERTISING_PUBLIC_PORT: String(publicPort) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const origin = `http://127.0.0.1:${publicPort}`;
  // its memory is loaded when it serves the ad the suite's instance serves
  await eventually(async () => {
    if (child.exitCode !== null) throw new Error(`advertising exited with ${child.exitCode}`);
    expect((await fetch(`${origin}${probe}`).catch(() => null))?.status).toBe(200);
  }, 30_000);
  return { child, origin };
}

describe('beacons when advertising is killed in the middle of a burst', () => {
  let suite: TestSuite;
  let db: Client;

  beforeAll(async () => {
    if (!existsSync(ADVERTISING_MAIN)) throw new Error('run npm run build first (npm test does)');
    suite = await TestSuite.start(['gateway', 'advertising']);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await suite?.close();
  });

  it('has stored every beacon it answered 204 before kill -9, and counts each once when pages send them again', async () => {
    const api = new Api(await suite.gatewayUrl());
    const agency = await createAgency(api, suite.operatorToken);
    const siteId = await siteFollowed(agency, agency.slug);
    const sites = await agency.api.get<{ items: { id: string; publishableKey: string }[] }>('/v1/sites');
    const siteKey = sites.body.items.find((s) => s.id === siteId)!.publishableKey;
    const inProcess = suite.instances('advertising')[0].get(PublicAdServer).url;
    const ad = await liveAd(suite, agency, api, siteId, inProcess, siteKey);
    const urls: string[] = [];
    for (let page = 0; page < PAGES; page++) {
      const served = await decide(inProcess, siteKey, ad.unitCode, `bai-${page % 7}`);
      urls.push(served.impressionUrl, served.viewableUrl);
    }
    const beaconIds = [...new Set(urls.map((url) => new URL(url, inProcess).searchParams.get('b')!.split('.')[0]))];
    expect(beaconIds).toHaveLength(PAGES);

    const { child, origin } = await startAdvertisingProcess(
      suite,
      `/v1/ads/decisions?siteKey=${siteKey}&units=${ad.unitCode}`,
    );
    const acknowledged = new Set<string>();
    let next = 0;
    let failed = 0;
    const killed = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (next < urls.length) {
          const url = urls[next++];
          const answer = await fetch(`${origin}${url}`, { headers: READER }).catch(() => null);
          if (answer?.status === 204) acknowledged.add(url);
          else failed++;
          // kill -9 once a third is answered, with the burst going on
          if (acknowledged.size >= urls.length / 3 && child.exitCode === null && child.signalCode === null)
            child.kill('SIGKILL');
        }
      }),
    );
    await killed;
    expect(failed).toBeGreaterThan(0);
    expect(acknowledged.size).toBeLessThan(urls.length);

    const storedUrls = async () => {
      const { rows } = await db.query<{ beacon_id: string; kind: string }>(
        `SELECT beacon_id, kind FROM advertising.ad_events WHERE line_id = $1`,
        [ad.order.lines[0].id],
      );
      return new Set(rows.map((row) => `${row.beacon_id} ${row.kind}`));
    };
    const beacons = new BeaconTokens(
      new SignedTokens(parseSigningKeys((suite.envOf('advertising') as AdvertisingEnv).ADVERTISING_TOKEN_KEYS)),
    );
    const idOf = (url: string) => {
      const kind = url.slice('/v1/ads/events/'.length, url.indexOf('?'));
      return `${beacons.open(new URL(url, origin).searchParams.get('b')!)!.beaconId} ${kind}`;
    };
    const afterKill = await storedUrls();
    expect([...acknowledged].filter((url) => !afterKill.has(idOf(url)))).toEqual([]);

    // the pages' beacons come again (a retry, a reload): each counts once, whoever stored it first
    for (let at = 0; at < urls.length; at += CONNECTIONS) {
      const answers = await Promise.all(
        urls.slice(at, at + CONNECTIONS).map((url) => fetch(`${inProcess}${url}`, { method: 'POST', headers: READER })),
      );
      expect(answers.filter((answer) => answer.status !== 204)).toEqual([]);
    }
    expect(await storedUrls()).toEqual(new Set(urls.map(idOf)));
    const { rows } = await db.query<{ impressions: string; viewables: string }>(
      `SELECT sum(impressions)::text AS impressions, sum(viewables)::text AS viewables
       FROM advertising.delivery_hours WHERE line_id = $1`,
      [ad.order.lines[0].id],
    );
    expect(rows[0]).toEqual({ impressions: String(PAGES), viewables: String(PAGES) });
  }, 180_000);
});
