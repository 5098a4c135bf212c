import { randomUUID } from 'node:crypto';
import { EntitlementChangedEvent, EventEnvelope, PolicySetView } from '@libs/contracts';
import { eventually } from '@libs/testing';
import { PublicDecisionServer } from '../apps/paywall/src/public-decisions/public-decision-server';
import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { JetStreamProbe } from './support/jetstream';
import { TestSuite } from './support/test-suite';

interface Answer {
  access: string;
  reason: string;
  remaining: number | null;
  segment: string;
  meterToken: string | null;
  anonymousId: string;
  checkoutReference?: string | null;
}
interface Problem {
  status: number;
  type: string;
  errors?: { field: string; message: string }[];
}

const DAY = 86_400_000;

describe('paywall decisions, served by the paywall itself', () => {
  let suite: TestSuite;
  let probe: JetStreamProbe;
  let agency: TestAgency;
  let other: TestAgency;
  let siteKey: string;
  let otherSiteKey: string;
  let paywall: Api;

  const paywallUrl = (index = 0) => Promise.resolve(suite.instances('paywall')[index].get(PublicDecisionServer).url);
  const decide = (body: Record<string, unknown>, key = siteKey, api = paywall) =>
    api.as({ siteKey: key }).post<Answer & Problem>('/v1/paywall/decisions', body);
  const grant = (tenantId: string, readerKey: string, version: number, keys: string[], source = 'subscription') => {
    const envelope: EventEnvelope<EntitlementChangedEvent> = {
      id: randomUUID(),
      type: 'evt.subscriptions.entitlement.changed.v1',
      source: 'subscriptions',
      tenantId,
      time: new Date().toISOString(),
      subject: readerKey,
      dataVersion: '1',
      data: {
        readerKey,
        readerId: readerKey.replace(/^reader:/, ''),
        email: null,
        version,
        entitlements: keys.map((key) => ({
          key,
          until: new Date(Date.now() + 30 * DAY).toISOString(),
          source: source as 'subscription',
          sourceId: randomUUID(),
          reason: 'active',
        })),
      },
    };
    return probe.publish(envelope);
  };
  const readerToken = async (who: TestAgency, readerId: string) => {
    const issued = await who.api.post<{ token: string }>('/v1/paywall/reader-tokens', { readerId });
    expect(issued.status).toBe(201);
    return issued.body.token;
  };
  const setPolicies = async (who: TestAgency, policies: unknown[]) => {
    const response = await who.api.send<PolicySetView & Problem>('PUT', '/v1/paywall/policies', { policies });
    expect(response.status).toBe(200);
    return response.body;
  };
  const siteOf = async (who: TestAgency) => {
    const site = await who.api.post<{ publishableKey: string }>('/v1/sites', {
      name: 'Tin Nhanh',
      domain: `${who.slug}.example.vn`,
    });
    expect(site.status).toBe(201);
    return site.body.publishableKey;
  };
  /** Waits until the paywall knows the site and the agency's policies. */
  const ready = (key: string, api = paywall) =>
    eventually(async () => expect((await decide({ articleId: 'warm-up' }, key, api)).status).toBe(200));

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'paywall']);
    probe = await JetStreamProbe.connect(suite.nats.url);
    const gateway = new Api(await suite.gatewayUrl());
    [agency, other] = [
      await createAgency(gateway, suite.operatorToken),
      await createAgency(gateway, suite.operatorToken),
    ];
    [siteKey, otherSiteKey] = [await siteOf(agency), await siteOf(other)];
    paywall = new Api(await paywallUrl());
    await ready(siteKey);
    await ready(otherSiteKey);
  });

  afterAll(async () => {
    await probe?.close();
    await suite?.close();
  });

  it('refuses a missing or unknown site key, and bad input, naming the field', async () => {
    expect((await paywall.post<Problem>('/v1/paywall/decisions', { articleId: 'a-1' })).status).toBe(401);
    const unknown = await decide({ articleId: 'a-1' }, 'pk_AAAAAAAAAAAAAAAAAAAAAA');
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'articleId'],
      [{ articleId: 'bad id with spaces' }, 'articleId'],
      [{ articleId: 'a-1', meterToken: 'x'.repeat(9000) }, 'meterToken'],
      [{ articleId: 'a-1', country: 'Vietnam' }, 'country'],
      [{ articleId: 'a-1', device: 'watch' }, 'device'],
      [{ articleId: 'a-1', admin: true }, 'admin'],
    ];
    for (const [body, field] of cases) {
      const response = await decide(body);
      expect(response.status).toBe(400);
      expect(response.body.errors?.map((e) => e.field)).toContain(field);
    }
    // Reader pages' GET is answered on its own path: the same refusals, as problem+json naming the field.
    for (const [body, field] of cases) {
      const query = new URLSearchParams({
        siteKey,
        ...Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)])),
      });
      const response = await paywall.get<Problem>(`/v1/paywall/decisions?${query.toString()}`);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 400, instance: '/v1/paywall/decisions' });
      expect(response.body.errors?.map((e) => e.field)).toContain(field);
    }
    const unknownViaGet = await paywall.get<Problem>(
      '/v1/paywall/decisions?siteKey=pk_AAAAAAAAAAAAAAAAAAAAAA&articleId=a-1',
    );
    expect(unknownViaGet.status).toBe(401);
    expect(unknownViaGet.body).toMatchObject({ status: 401, type: expect.stringContaining('unauthenticated') });
    // The site key may come as a header instead of in the query.
    expect((await paywall.as({ siteKey }).get('/v1/paywall/decisions?articleId=a-1')).status).toBe(200);
  });

  it('meters an anonymous reader with a signed token: five free reads a month, re-reads free, then blocked', async () => {
    let token: string | null = null;
    const seen: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const answer = await decide({ articleId: `tin-${i}`, meterToken: token ?? undefined });
      expect(answer.body.access).toBe('meter');
      seen.push(answer.body.remaining!);
      token = answer.body.meterToken;
    }
    expect(seen).toEqual([4, 3, 2, 1, 0]);
    // Reader pages ask with GET, the site key and fields in the query: the same answer.
    const query = new URLSearchParams({ siteKey, articleId: 'tin-3', meterToken: token! });
    const viaGet = await paywall.get<Answer>(`/v1/paywall/decisions?${query.toString()}`);
    expect(viaGet.status).toBe(200);
    expect(viaGet.headers.get('cache-control')).toBe('private, no-store');
    expect(viaGet.body).toMatchObject({ access: 'meter', remaining: 0 });
    expect((await paywall.get<Problem>('/v1/paywall/decisions?articleId=tin-3')).status).toBe(401);
    const reread = await decide({ articleId: 'tin-2', meterToken: token! });
    expect(reread.body).toMatchObject({ access: 'meter', remaining: 0 });
    const sixth = await decide({ articleId: 'tin-6', meterToken: reread.body.meterToken! });
    expect(sixth.body).toMatchObject({ access: 'block', segment: 'anonymous' });

    // Tampered, forged or foreign tokens count as a fresh reader, never as more than that.
    const [payload, keyId, mac] = sixth.body.meterToken!.split('.');
    const forged = `${Buffer.from(JSON.stringify({ v: 1, t: agency.tenantId, a: 'x', r: [] })).toString('base64url')}.${keyId}.${mac}`;
    for (const bad of [forged, `${payload}.${keyId}.${mac.slice(0, -2)}AA`, 'garbage']) {
      expect((await decide({ articleId: 'tin-7', meterToken: bad })).body).toMatchObject({
        access: 'meter',
        remaining: 4,
      });
    }
    const foreign = await decide({ articleId: 'tin-7', meterToken: sixth.body.meterToken! }, otherSiteKey);
    expect(foreign.body).toMatchObject({ access: 'meter', remaining: 4 });
  });

  it('lets an entitled reader through and blocks again when the entitlement goes, whatever the order of the events', async () => {
    await setPolicies(agency, [{ name: 'Subscribers only', active: true, rule: { kind: 'hard' } }]);
    const token = await readerToken(agency, 'doc-gia-1');
    await eventually(async () =>
      expect((await decide({ articleId: 'tin-1', readerToken: token })).body).toMatchObject({
        access: 'block',
        segment: 'registered',
      }),
    );
    await grant(agency.tenantId, 'reader:doc-gia-1', 1, ['premium-articles']);
    await eventually(async () =>
      expect((await decide({ articleId: 'tin-1', readerToken: token })).body).toMatchObject({
        access: 'allow',
        segment: 'subscriber',
      }),
    );
    await grant(agency.tenantId, 'reader:doc-gia-1', 3, []);
    await grant(agency.tenantId, 'reader:doc-gia-1', 2, ['premium-articles']);
    await eventually(async () =>
      expect((await decide({ articleId: 'tin-1', readerToken: token })).body.access).toBe('block'),
    );
    // The late version 2 changes nothing (give it the time the first change took, then look again).
    await grant(agency.tenantId, 'reader:doc-gia-2', 1, ['premium-articles']);
    const second = await readerToken(agency, 'doc-gia-2');
    await eventually(async () =>
      expect((await decide({ articleId: 'tin-1', readerToken: second })).body.access).toBe('allow'),
    );
    expect((await decide({ articleId: 'tin-1', readerToken: token })).body.access).toBe('block');
    // Another agency's reader token is nobody here.
    const foreignToken = await readerToken(other, 'doc-gia-1');
    expect((await decide({ articleId: 'tin-1', readerToken: foreignToken })).body).toMatchObject({
      access: 'block',
      segment: 'anonymous',
    });
  });

  it('applies to memory only events its contract accepts', async () => {
    await setPolicies(agency, [{ name: 'Subscribers only', active: true, rule: { kind: 'hard' } }]);
    const [forged, honest] = [await readerToken(agency, 'doc-gia-9'), await readerToken(agency, 'doc-gia-10')];
    await grant(agency.tenantId, 'reader:doc-gia-9', 1, ['premium-articles'], 'forged-source');
    await grant(agency.tenantId, 'reader:doc-gia-10', 1, ['premium-articles']);
    // The feed is in stream order: once the later, valid grant shows, the invalid one was seen and set aside.
    await eventually(async () =>
      expect((await decide({ articleId: 'tin-9', readerToken: honest })).body.access).toBe('allow'),
    );
    expect((await decide({ articleId: 'tin-9', readerToken: forged })).body.access).toBe('block');
  });

  it('counts logged-in readers server-side, across instances, and takes their anonymous reads along on login', async () => {
    await setPolicies(agency, [{ name: 'Three a month', active: true, rule: { kind: 'metered', limit: 3 } }]);
    const token = await readerToken(agency, 'doc-gia-3');
    await eventually(async () =>
      expect((await decide({ articleId: 'bai-0', readerToken: token })).body.remaining).toBe(2),
    );
    const anonymous = await decide({ articleId: 'bai-1' });
    expect(anonymous.body).toMatchObject({ access: 'meter', remaining: 2 });
    const login = await decide({ articleId: 'bai-2', readerToken: token, meterToken: anonymous.body.meterToken! });
    expect(login.body).toMatchObject({ access: 'meter', remaining: 0, meterToken: null });

    await suite.startInstance('paywall');
    const second = new Api(await paywallUrl(1));
    await ready(siteKey, second);
    await eventually(async () =>
      expect((await decide({ articleId: 'bai-9', readerToken: token }, siteKey, second)).body.access).toBe('block'),
    );
    expect((await decide({ articleId: 'bai-1', readerToken: token }, siteKey, second)).body).toMatchObject({
      access: 'meter',
      remaining: 0,
    });
  });

  it('previews articles for a newsletter from the same decision, counting nothing', async () => {
    const sites = await agency.api.get<{ items: { id: string; publishableKey: string }[] }>('/v1/sites');
    const siteId = sites.body.items.find((site) => site.publishableKey === siteKey)!.id;
    const preview = (body: Record<string, unknown>, who = agency) =>
      who.api.post<{ items: (Answer & { articleId: string })[] } & Problem>('/v1/paywall/decision-previews', {
        siteId,
        ...body,
      });
    // doc-gia-3 has read bai-0, bai-1 and bai-2 of three this month (the test before).
    const forReader = await preview({ readerId: 'doc-gia-3', articleIds: ['bai-1', 'bai-7'] });
    expect(forReader.status).toBe(200);
    expect(forReader.body.items.map((item) => [item.articleId, item.access, item.remaining, item.segment])).toEqual([
      ['bai-1', 'meter', 0, 'registered'],
      ['bai-7', 'block', 0, 'registered'],
    ]);
    expect(forReader.body.items[1].checkoutReference).toMatch(/^pw1\./);
    const anonymous = await preview({ articleIds: ['bai-7', 'bai-8'] });
    expect(anonymous.body.items.map((item) => [item.access, item.remaining])).toEqual([
      ['meter', 2],
      ['meter', 2],
    ]);
    // Nothing was read: the same answers again, and the reader's real meter did not move.
    expect((await preview({ articleIds: ['bai-7', 'bai-8'] })).body).toEqual(anonymous.body);
    const token = await readerToken(agency, 'doc-gia-3');
    expect((await decide({ articleId: 'bai-1', readerToken: token })).body).toMatchObject({
      access: 'meter',
      remaining: 0,
    });

    const refused: [Record<string, unknown>, string][] = [
      [{ articleIds: [] }, 'articleIds'],
      [{ articleIds: Array.from({ length: 201 }, (_, i) => `bai-${i}`) }, 'articleIds'],
      [{ articleIds: ['bad id'] }, 'articleIds'],
      [{ articleIds: ['bai-1'], country: 'Vietnam' }, 'country'],
    ];
    for (const [body, field] of refused) {
      const response = await preview(body);
      expect(response.status).toBe(400);
      expect(response.body.errors?.map((e) => e.field)).toContain(field);
    }
    // Another agency cannot preview with this agency's site.
    expect((await preview({ articleIds: ['bai-1'] }, other)).status).toBe(404);
  });

  it('applies a policy change on every instance, and can roll it back', async () => {
    const current = (await agency.api.get<PolicySetView>('/v1/paywall/policies')).body;
    await setPolicies(agency, [{ name: 'Everything free', active: true, rule: { kind: 'metered', limit: 1000 } }]);
    const instances = suite.instances('paywall').length;
    for (let i = 0; i < instances; i++) {
      const api = new Api(await paywallUrl(i));
      await eventually(async () =>
        expect((await decide({ articleId: 'moi-1' }, siteKey, api)).body.remaining).toBe(999),
      );
    }
    const restored = await agency.api.post<PolicySetView>(
      `/v1/paywall/policy-revisions/${current.revision}/restore`,
      {},
    );
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ restoredFrom: current.revision, policies: current.policies });
    await eventually(async () => expect((await decide({ articleId: 'moi-1' })).body.remaining).toBe(2));
  });

  it('tells search engines which articles are paywalled, from the same policies (JSON-LD)', async () => {
    await setPolicies(agency, [
      { name: 'Premium', active: true, rule: { kind: 'freemium' } },
      { name: 'Five a month', active: true, rule: { kind: 'metered', limit: 5 } },
    ]);
    const items = [
      { articleId: 'ld-premium', url: 'https://tinnhanh.vn/ld-premium', accessLevel: 'premium' },
      { articleId: 'ld-free', url: 'https://tinnhanh.vn/ld-free', accessLevel: 'free' },
    ];
    expect((await agency.api.post('/v1/paywall/articles/bulk', { items })).status).toBe(200);
    const markup = (articleId: string, extra: Record<string, string> = {}) =>
      paywall.get<Record<string, unknown> & Problem>(
        `/v1/paywall/structured-data?${new URLSearchParams({ siteKey, articleId, ...extra }).toString()}`,
      );
    await eventually(async () => {
      const premium = await markup('ld-premium', { cssSelector: '.noi-dung' });
      expect(premium.status).toBe(200);
      expect(premium.headers.get('content-type')).toContain('application/ld+json');
      expect(premium.body).toEqual({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        isAccessibleForFree: false,
        hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.noi-dung' },
      });
    });
    await eventually(async () => expect((await markup('ld-free')).body).toMatchObject({ isAccessibleForFree: true }));
    expect((await markup('ld-premium', { cssSelector: '<script>' })).body.errors?.map((e) => e.field)).toEqual([
      'cssSelector',
    ]);
    expect((await paywall.get('/v1/paywall/structured-data?articleId=ld-free')).status).toBe(401);
  });

  it('serves the reader snippet from the gateway', async () => {
    const gatewayUrl = await suite.gatewayUrl();
    const snippet = await fetch(`${gatewayUrl}/paywall.js`);
    expect(snippet.status).toBe(200);
    expect(snippet.headers.get('content-type')).toContain('application/javascript');
    expect(await snippet.text()).toContain('/v1/paywall/decisions?');
    // Its checkout call crosses origins with the site key; a bearer key may not.
    const preflight = (headers: string) =>
      fetch(`${gatewayUrl}/v1/subscriptions/checkout-sessions`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://tinnhanh.vn',
          'access-control-request-method': 'POST',
          'access-control-request-headers': headers,
        },
      });
    const allowed = await preflight('content-type,x-site-key');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://tinnhanh.vn');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('x-site-key');
    expect((await preflight('authorization')).headers.get('access-control-allow-headers')).not.toContain(
      'authorization',
    );
  });

  it('validates policies, guards concurrent edits and audits every change', async () => {
    const bad = await agency.api.send<Problem>('PUT', '/v1/paywall/policies', {
      policies: [{ name: 'x', active: true, rule: { kind: 'metered' } }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field)).toContain('policies[0].rule.limit');
    const wrongField = await agency.api.send<Problem>('PUT', '/v1/paywall/policies', {
      policies: [{ name: 'x', active: true, rule: { kind: 'freemium', limit: 3 } }],
    });
    expect(wrongField.body.errors?.map((e) => e.field)).toContain('policies[0].rule.limit');
    const before = (await agency.api.get<PolicySetView>('/v1/paywall/policies')).body.revision;
    const stale = await agency.api.send<Problem>('PUT', '/v1/paywall/policies', {
      basedOnRevision: before - 1,
      policies: [],
    });
    expect(stale.status).toBe(409);
    expect((await agency.api.get<PolicySetView>('/v1/paywall/policies')).body.revision).toBe(before);
    await eventually(async () => {
      const log = await agency.api.get<{ items: { service: string; action: string }[] }>('/v1/audit-log?limit=500');
      expect(
        log.body.items.filter((e) => e.service === 'paywall' && e.action.startsWith('policies.')).length,
      ).toBeGreaterThanOrEqual(4);
    });
    const revisions = await agency.api.get<{ items: { revision: number }[] }>('/v1/paywall/policy-revisions');
    expect(revisions.body.items[0].revision).toBe(before);
    expect((await other.api.get(`/v1/paywall/policy-revisions/${before}`)).status).toBe(404);
  });
});
