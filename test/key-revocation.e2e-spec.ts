import { eventually } from '@libs/testing';
import { PublicDecisionServer } from '../apps/paywall/src/public-decisions/public-decision-server';
import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { TestSuite } from './support/test-suite';

/** What the README promises: a revoked or replaced key is refused by every instance within 5 s of the commit. */
const REVOCATION_BOUND_MS = 5_000;
/** Room for the requests the check itself makes. */
const WITHIN_BOUND = REVOCATION_BOUND_MS + 500;

describe('revoking and rotating keys across two gateway instances', () => {
  let suite: TestSuite;
  let first: Api;
  let second: Api;
  let paywall: Api;
  let agency: TestAgency;

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'paywall']);
    const secondInstance = await suite.startInstance('gateway');
    first = new Api(await suite.gatewayUrl());
    second = new Api((await secondInstance.getUrl()).replace('[::1]', '127.0.0.1'));
    paywall = new Api(suite.instances('paywall')[0].get(PublicDecisionServer).url);
    agency = await createAgency(first, suite.operatorToken);
  });

  afterAll(() => suite?.close());

  it('refuses a revoked API key on the other instance within 5 s', async () => {
    const created = await agency.api.post<{ id: string; secret: string }>('/v1/api-keys', {
      name: 'revoked soon',
      roles: ['admin'],
    });
    const onFirst = first.as({ bearer: created.body.secret });
    const onSecond = second.as({ bearer: created.body.secret });
    // Both instances have the key in their cache.
    expect((await onFirst.get('/v1/sites')).status).toBe(200);
    expect((await onSecond.get('/v1/sites')).status).toBe(200);

    expect((await agency.api.delete(`/v1/api-keys/${created.body.id}`)).status).toBe(204);
    expect((await onFirst.get('/v1/sites')).status).toBe(401);
    await eventually(async () => expect((await onSecond.get('/v1/sites')).status).toBe(401), WITHIN_BOUND);
  });

  it("rotates a site's key: the old one is refused everywhere within 5 s, the new one works", async () => {
    const site = await agency.api.post<{ id: string; publishableKey: string }>('/v1/sites', {
      name: 'Rotating',
      domain: 'rotating.example.vn',
    });
    const oldKey = site.body.publishableKey;
    expect((await second.as({ siteKey: oldKey }).get('/v1/public/site')).status).toBe(200);
    await eventually(async () =>
      expect((await paywall.as({ siteKey: oldKey }).post('/v1/paywall/decisions', { articleId: 'a-1' })).status).toBe(
        200,
      ),
    );

    const rotated = await agency.api.post<{ id: string; publishableKey: string }>(
      `/v1/sites/${site.body.id}/key-rotation`,
      undefined,
    );
    expect(rotated.status).toBe(200);
    const newKey = rotated.body.publishableKey;
    expect(newKey).toMatch(/^pk_/);
    expect(newKey).not.toBe(oldKey);

    expect((await first.as({ siteKey: oldKey }).get('/v1/public/site')).status).toBe(401);
    await eventually(
      async () => expect((await second.as({ siteKey: oldKey }).get('/v1/public/site')).status).toBe(401),
      WITHIN_BOUND,
    );
    await eventually(
      async () =>
        expect((await paywall.as({ siteKey: oldKey }).post('/v1/paywall/decisions', { articleId: 'a-1' })).status).toBe(
          401,
        ),
      WITHIN_BOUND,
    );
    expect((await second.as({ siteKey: newKey }).get<{ siteId: string }>('/v1/public/site')).body.siteId).toBe(
      site.body.id,
    );
    const audit = await agency.api.get<{ items: { action: string; targetId: string }[] }>('/v1/audit-log');
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({ action: 'site.key-rotated', targetId: site.body.id }),
    );
  });

  it('marks answers that depend on a site key private, varying by the key', async () => {
    const site = await agency.api.post<{ publishableKey: string }>('/v1/sites', {
      name: 'Cached',
      domain: 'cached.example.vn',
    });
    const key = site.body.publishableKey;
    const publicSite = await first.as({ siteKey: key }).get('/v1/public/site');
    expect(publicSite.status).toBe(200);
    expect(publicSite.headers.get('cache-control')).toMatch(/\bprivate\b/);
    expect(publicSite.headers.get('vary')).toMatch(/x-site-key/i);

    const decision = await eventually(async () => {
      const answer = await paywall.as({ siteKey: key }).post('/v1/paywall/decisions', { articleId: 'a-1' });
      expect(answer.status).toBe(200);
      return answer;
    });
    expect(decision.headers.get('cache-control')).toMatch(/\bprivate\b/);
    expect(decision.headers.get('vary')).toMatch(/x-site-key/i);
    const viaGet = await paywall.get(`/v1/paywall/decisions?siteKey=${key}&articleId=a-1`);
    expect(viaGet.status).toBe(200);
    expect(viaGet.headers.get('cache-control')).toMatch(/\bprivate\b/);
    expect(viaGet.headers.get('vary')).toMatch(/x-site-key/i);
  });
});
