import { eventually } from '@libs/testing';
import { awaitProvisioned, createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { TestSuite } from './support/test-suite';

describe('registering an agency', () => {
  let suite: TestSuite;
  let api: Api;
  let agency: TestAgency;

  beforeAll(async () => {
    suite = await TestSuite.start();
    api = new Api(await suite.gatewayUrl());
    agency = await createAgency(api, suite.operatorToken, {
      defaultCurrency: 'VND',
      timeZone: 'Asia/Ho_Chi_Minh',
      locale: 'vi',
    });
    await awaitProvisioned(agency);
  });

  afterAll(() => suite?.close());

  it('gives the agency a working admin key', async () => {
    const me = await agency.api.get('/v1/tenant');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      id: agency.tenantId,
      slug: agency.slug,
      defaultCurrency: 'VND',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
  });

  it('lets finance provision the default chart of accounts', async () => {
    const accounts = await agency.api.get<{ items: { code: string; type: string; system: boolean }[] }>(
      '/v1/finance/accounts',
    );
    expect(accounts.body.items.map((a) => a.code)).toEqual([
      '1100',
      '1110',
      '1120',
      '1130',
      '1200',
      '1300',
      '2100',
      '2200',
      '2300',
      '2400',
      '4100',
      '4200',
      '4300',
      '4900',
      '5100',
      '5200',
      '5300',
    ]);
    expect(accounts.body.items.every((a) => a.system)).toBe(true);
  });

  it('lets the paywall provision its default policies in evaluation order', async () => {
    const policies = await agency.api.get<{ revision: number; policies: { rule: { kind: string; limit?: number } }[] }>(
      '/v1/paywall/policies',
    );
    expect(policies.body.revision).toBe(1);
    expect(policies.body.policies.map((p) => [p.rule.kind, p.rule.limit])).toEqual([
      ['freemium', undefined],
      ['metered', 5],
    ]);
  });

  it('lets subscriptions provision billing defaults in the agency currency', async () => {
    const settings = await agency.api.get('/v1/subscriptions/billing-settings');
    expect(settings.body).toEqual({
      tenantId: agency.tenantId,
      defaultCurrency: 'VND',
      dunning: { retryDays: [1, 3, 5], graceDays: 7, afterFinalFailure: 'cancel' },
      renewalNoticeDays: 3,
    });
  });

  it('lets advertising and licensing provision their inventory and offers', async () => {
    const units = await agency.api.get<{ items: { code: string }[] }>('/v1/advertising/ad-units');
    expect(units.body.items.map((u) => u.code).sort()).toEqual([
      'homepage-takeover',
      'in-article',
      'leaderboard',
      'medium-rectangle',
    ]);
    const offers = await agency.api.get<{ items: { name: string; status: string }[] }>('/v1/licensing/licence-offers');
    expect(offers.body.items.find((o) => o.name.startsWith('AI training'))?.status).toBe('published');
  });

  it('answers each default by id', async () => {
    const [account] = (await agency.api.get<{ items: { id: string }[] }>('/v1/finance/accounts')).body.items;
    expect((await agency.api.get(`/v1/finance/accounts/${account.id}`)).body).toMatchObject({
      id: account.id,
      code: '1100',
    });
  });

  it('records the registration in the audit log', async () => {
    const log = await agency.api.get<{ items: { action: string; actor: string }[] }>('/v1/audit-log');
    expect(log.body.items.map((e) => e.action)).toEqual(expect.arrayContaining(['tenant.created', 'api-key.created']));
    expect(log.body.items.find((e) => e.action === 'tenant.created')?.actor).toBe('operator:operator');
  });

  it('refuses a second agency with the same slug', async () => {
    const again = await api
      .as({ bearer: suite.operatorToken })
      .post('/v1/tenants', { name: 'Copy', slug: agency.slug });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
  });

  it('serves health, metrics and the API documents', async () => {
    expect((await api.get('/health')).body).toEqual({ status: 'ok', checks: { database: 'up', nats: 'up' } });
    const metrics = await fetch(`${api.baseUrl}/metrics`).then((r) => r.text());
    expect(metrics).toContain('http_request_duration_seconds');
    const openapi = await api.get<{ paths: Record<string, unknown> }>('/openapi.json');
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining(['/v1/tenants', '/v1/finance/accounts/{id}']),
    );
    const asyncapi = await api.get<{ asyncapi: string; channels: Record<string, { address: string }> }>(
      '/asyncapi.json',
    );
    expect(asyncapi.body.asyncapi).toBe('3.0.0');
    expect(Object.values(asyncapi.body.channels).map((c) => c.address)).toContain('evt.gateway.tenant.created.v1');
  });

  it('processes the registration event exactly once per service', async () => {
    await eventually(async () => {
      const metrics = await fetch(
        `${(await suite.instances('finance')[0].getUrl()).replace('[::1]', '127.0.0.1')}/metrics`,
      ).then((r) => r.text());
      expect(metrics).toMatch(
        /events_consumed_total\{consumer="finance__evt_gateway_tenant_created_v1",outcome="processed",service="finance"\} 1/,
      );
    });
  });
});
