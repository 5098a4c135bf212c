import { randomUUID } from 'node:crypto';
import { AddressGrantChangedEvent, EventEnvelope } from '@libs/contracts';
import { eventually } from '@libs/testing';
import { PublicDecisionServer } from '../apps/paywall/src/public-decisions/public-decision-server';
import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { JetStreamProbe } from './support/jetstream';
import { TestSuite } from './support/test-suite';

/** Where a university's readers come from; a reader elsewhere claims it in X-Forwarded-For. */
const CAMPUS = '203.0.113.0/24';
const ON_CAMPUS = '203.0.113.9';
/** Limits a burst sent at once overruns: 40 decisions against 2 a second, 10 gateway calls against 5 a minute. */
const LIMITS = { PAYWALL_CLIENT_RATE_PER_S: '2', SITE_CLIENT_RATE_LIMIT_PER_MINUTE: '5' };

interface World {
  suite: TestSuite;
  probe: JetStreamProbe;
  agency: TestAgency;
  gateway: Api;
  paywall: Api;
}

async function startWorld(env: Record<string, string>): Promise<World> {
  const suite = await TestSuite.start(['gateway', 'paywall'], { ...LIMITS, ...env });
  const probe = await JetStreamProbe.connect(suite.nats.url);
  const gateway = new Api(await suite.gatewayUrl());
  const agency = await createAgency(gateway, suite.operatorToken);
  const paywall = new Api(suite.instances('paywall')[0].get(PublicDecisionServer).url);
  const policies = [{ name: 'Subscribers only', active: true, rule: { kind: 'hard' } }];
  expect((await agency.api.send('PUT', '/v1/paywall/policies', { policies })).status).toBe(200);
  return { suite, probe, agency, gateway, paywall };
}

async function newSite(world: World): Promise<string> {
  const site = await world.agency.api.post<{ publishableKey: string }>('/v1/sites', {
    name: 'Tin Nhanh',
    domain: `${randomUUID().slice(0, 8)}.example.vn`,
  });
  expect(site.status).toBe(201);
  const siteKey = site.body.publishableKey;
  await eventually(async () =>
    expect((await world.paywall.get(`/v1/paywall/decisions?siteKey=${siteKey}&articleId=warm-up`)).status).toBe(200),
  );
  return siteKey;
}

function publishAddressGrant(world: World, licenceId: string, version: number, ipRanges: string[]) {
  const envelope: EventEnvelope<AddressGrantChangedEvent> = {
    id: randomUUID(),
    type: 'evt.subscriptions.address-grant.changed.v1',
    source: 'subscriptions',
    tenantId: world.agency.tenantId,
    time: new Date().toISOString(),
    subject: licenceId,
    dataVersion: '1',
    data: {
      licenceId,
      ipRanges,
      entitlements: ['premium-articles'],
      validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      version,
    },
  };
  return world.probe.publish(envelope);
}

/** The page's GET and a server's POST, each claiming `forwardedFor`; answers both accesses. */
async function accessFrom(world: World, siteKey: string, forwardedFor?: string): Promise<string[]> {
  const headers: Record<string, string> = forwardedFor ? { 'x-forwarded-for': forwardedFor } : {};
  const viaGet = await world.paywall.get<{ access: string }>(
    `/v1/paywall/decisions?siteKey=${siteKey}&articleId=bai-1`,
    headers,
  );
  const viaPost = await world.paywall
    .as({ siteKey })
    .post<{ access: string }>('/v1/paywall/decisions', { articleId: 'bai-1' }, headers);
  return [viaGet.body.access, viaPost.body.access];
}

/** Both answers once they are `expected`, asking once a second (a client may ask 2 decisions a second). */
function accessOnceItIs(world: World, siteKey: string, forwardedFor: string | undefined, expected: string) {
  return eventually(
    async () => {
      const access = await accessFrom(world, siteKey, forwardedFor);
      expect(access).toEqual([expected, expected]);
      return access;
    },
    20_000,
    1_000,
  );
}

/** 40 decisions (GET) and 10 site-key calls to the gateway at once, each from another claimed address. */
async function burstOfClaimedAddresses(world: World): Promise<{ paywall: number[]; gateway: number[] }> {
  const siteKey = await newSite(world);
  const claimed = Array.from({ length: 40 }, (_, i) => `198.51.100.${i + 1}`);
  const paywall = await Promise.all(
    claimed.map(
      async (address) =>
        (
          await world.paywall.get(`/v1/paywall/decisions?siteKey=${siteKey}&articleId=bai-2`, {
            'x-forwarded-for': address,
          })
        ).status,
    ),
  );
  // Refused by validation after the guard's limits: no service behind it is needed.
  const gateway = await Promise.all(
    claimed
      .slice(0, 10)
      .map(
        async (address) =>
          (
            await world.gateway
              .as({ siteKey })
              .post('/v1/subscriptions/gifts/redeem', {}, { 'x-forwarded-for': address })
          ).status,
      ),
  );
  return { paywall, gateway };
}

describe('client addresses with no trusted proxy (the default)', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld({});
  });

  afterAll(async () => {
    await world?.probe.close();
    await world?.suite.close();
  });

  it("ignores an address a client claims in X-Forwarded-For when matching a group licence's ranges", async () => {
    const siteKey = await newSite(world);
    const licenceId = randomUUID();
    // The licence first covers the test's own address: the grant is seen to arrive and to work.
    await publishAddressGrant(world, licenceId, 1, ['127.0.0.1/32']);
    await accessOnceItIs(world, siteKey, undefined, 'allow');
    await publishAddressGrant(world, licenceId, 2, [CAMPUS]);
    await accessOnceItIs(world, siteKey, undefined, 'block');
    // The new ranges are in force: a claimed address on them would be let in now, and is not.
    expect(await accessOnceItIs(world, siteKey, ON_CAMPUS, 'block')).toEqual(['block', 'block']);
  });

  it('counts every claimed address as the one peer it comes from, in the paywall and the gateway', async () => {
    const { paywall, gateway } = await burstOfClaimedAddresses(world);
    expect(paywall.filter((status) => status === 429).length).toBeGreaterThanOrEqual(20);
    expect(gateway.filter((status) => status === 429).length).toBeGreaterThanOrEqual(5);
    expect(new Set([...paywall, ...gateway])).toEqual(new Set([200, 400, 429]));
  });
});

describe('client addresses behind a trusted proxy (TRUSTED_PROXIES covers the peer)', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld({ TRUSTED_PROXIES: '127.0.0.1/32' });
  });

  afterAll(async () => {
    await world?.probe.close();
    await world?.suite.close();
  });

  it("honours the address the proxy forwards when matching a group licence's ranges", async () => {
    const siteKey = await newSite(world);
    await publishAddressGrant(world, randomUUID(), 1, [CAMPUS]);
    await accessOnceItIs(world, siteKey, ON_CAMPUS, 'allow');
    await accessOnceItIs(world, siteKey, undefined, 'block');
    // Only the hop the proxy appended counts: what the client wrote before it is not read.
    expect(await accessOnceItIs(world, siteKey, `${ON_CAMPUS}, 198.51.100.1`, 'block')).toEqual(['block', 'block']);
  });

  it('gives each forwarded client address its own budget under the site, in the paywall and the gateway', async () => {
    const { paywall, gateway } = await burstOfClaimedAddresses(world);
    expect(paywall).toEqual(Array(40).fill(200));
    expect(gateway).toEqual(Array(10).fill(400));
  });
});
