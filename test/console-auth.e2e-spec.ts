import { DataSource } from 'typeorm';
import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { TestSuite } from './support/test-suite';

const PASSWORD = 'Correct-Horse-Battery-9';

describe('console login, sessions, keys and limits', () => {
  let suite: TestSuite;
  let api: Api;
  let agency: TestAgency;

  async function newUser(email: string): Promise<void> {
    const created = await agency.api.post('/v1/users', {
      email,
      name: 'Trần Văn Minh',
      role: 'finance',
      password: PASSWORD,
    });
    expect(created.status).toBe(201);
  }

  const login = (email: string, password: string) =>
    api.post<{ accessToken: string }>('/v1/auth/login', { tenant: agency.slug, email, password });

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway'], { LOGIN_MAX_FAILURES: '5', RATE_LIMIT_PER_MINUTE: '600' });
    api = new Api(await suite.gatewayUrl());
    agency = await createAgency(api, suite.operatorToken);
  });

  afterAll(() => suite?.close());

  it('logs a user in with a short-lived token that carries their role', async () => {
    await newUser('minh@agency.vn');
    const response = await login('minh@agency.vn', PASSWORD);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const me = api.as({ bearer: response.body.accessToken });
    expect((await me.get('/v1/tenant')).status).toBe(200);
    expect((await me.get('/v1/sites')).status).toBe(200);
    expect((await me.post('/v1/sites', { name: 'No', domain: 'no.vn' })).status).toBe(403);
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const wrong = await login('minh@agency.vn', 'Wrong-Password-1');
    const unknown = await login('nobody@agency.vn', 'Wrong-Password-1');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect((wrong.body as unknown as { detail: string }).detail).toBe(
      (unknown.body as unknown as { detail: string }).detail,
    );
  });

  it('locks the account after five failed attempts, even for the right password', async () => {
    await newUser('lan@agency.vn');
    for (let i = 0; i < 5; i++) expect((await login('lan@agency.vn', 'Wrong-Password-1')).status).toBe(401);
    const locked = await login('lan@agency.vn', PASSWORD);
    // Answered as an unknown account: a locked one is not told apart.
    expect(locked.status).toBe(401);
    expect((locked.body as unknown as { detail: string }).detail).toBe('email or password is wrong');
    const audit = await agency.api.get<{ items: { action: string }[] }>('/v1/audit-log');
    expect(audit.body.items.map((e) => e.action)).toContain('user.locked');
  });

  it('ends a session on logout and after the idle timeout', async () => {
    await newUser('hoa@agency.vn');
    const first = api.as({ bearer: (await login('hoa@agency.vn', PASSWORD)).body.accessToken });
    expect((await first.post('/v1/auth/logout', undefined)).status).toBe(204);
    expect((await first.get('/v1/tenant')).status).toBe(401);

    const second = (await login('hoa@agency.vn', PASSWORD)).body.accessToken;
    const gateway = suite.instances('gateway')[0].get(DataSource);
    await gateway.query(
      `UPDATE gateway.sessions SET last_seen_at = now() - interval '31 minutes' WHERE ended_at IS NULL`,
    );
    expect((await api.as({ bearer: second }).get('/v1/tenant')).status).toBe(401);
  });

  it('stops a revoked API key at once', async () => {
    const created = await agency.api.post<{ id: string; secret: string }>('/v1/api-keys', {
      name: 'short-lived',
      roles: ['editor'],
    });
    const key = api.as({ bearer: created.body.secret });
    expect((await key.get('/v1/sites')).status).toBe(200);
    expect((await agency.api.delete(`/v1/api-keys/${created.body.id}`)).status).toBe(204);
    expect((await key.get('/v1/sites')).status).toBe(401);
    const listed = await agency.api.get<{ items: { id: string; revokedAt: string | null }[] }>('/v1/api-keys');
    expect(listed.body.items.find((k) => k.id === created.body.id)?.revokedAt).not.toBeNull();
  });

  it('never shows a key secret after creation', async () => {
    const listed = await agency.api.get<{ items: Record<string, unknown>[] }>('/v1/api-keys');
    expect(listed.body.items.every((k) => !('secret' in k) && !('secretHash' in k))).toBe(true);
  });

  it('answers 429 with Retry-After once a key exceeds its own limit', async () => {
    const limited = await agency.api.post<{ secret: string }>('/v1/api-keys', {
      name: 'limited',
      roles: ['editor'],
      rateLimitPerMinute: 5,
    });
    const key = api.as({ bearer: limited.body.secret });
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await key.get('/v1/sites')).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const refused = await key.get('/v1/sites');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('lets a reader page use the publishable site key, and nothing else', async () => {
    const site = await agency.api.post<{ id: string; publishableKey: string }>('/v1/sites', {
      name: 'Tin Nhanh',
      domain: 'tinnhanh.vn',
    });
    const reader = api.as({ siteKey: site.body.publishableKey });
    expect((await reader.get('/v1/public/site')).body).toEqual({
      siteId: site.body.id,
      name: 'Tin Nhanh',
      domain: 'tinnhanh.vn',
    });
    expect((await reader.get('/v1/sites')).status).toBe(403);
    expect((await api.as({ siteKey: 'pk_unknownunknownunknown1' }).get('/v1/public/site')).status).toBe(401);
  });
});
