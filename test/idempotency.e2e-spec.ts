import { Client } from 'pg';
import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { TestSuite } from './support/test-suite';

describe('Idempotency-Key', () => {
  let suite: TestSuite;
  let agency: TestAgency;
  let db: Client;

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway']);
    agency = await createAgency(new Api(await suite.gatewayUrl()), suite.operatorToken);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await suite?.close();
  });

  const sites = async () => (await agency.api.get<{ items: { id: string; name: string }[] }>('/v1/sites')).body.items;

  it('creates one object for the same POST sent three times at once, and answers each with it', async () => {
    const body = { name: 'Concurrent', domain: 'concurrent.vn' };
    const headers = { 'idempotency-key': 'create-site-1' };
    const responses = await Promise.all(
      [1, 2, 3].map(() => agency.api.post<{ id: string }>('/v1/sites', body, headers)),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(2);
    expect((await sites()).filter((s) => s.name === 'Concurrent')).toHaveLength(1);
  });

  it('does not keep a secret shown once: a repeat gets 409, and the table holds no secret', async () => {
    const headers = { 'idempotency-key': 'create-key-1' };
    const first = await agency.api.post<{ id: string; secret: string }>(
      '/v1/api-keys',
      { name: 'cms', roles: ['editor'] },
      headers,
    );
    expect(first.status).toBe(201);
    const again = await agency.api.post<{ detail: string; secret?: string }>(
      '/v1/api-keys',
      { name: 'cms', roles: ['editor'] },
      headers,
    );
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/shown once/);
    expect(JSON.stringify(again.body)).not.toContain(first.body.secret);
    const keys = (await agency.api.get<{ items: { name: string }[] }>('/v1/api-keys')).body.items;
    expect(keys.filter((k) => k.name === 'cms')).toHaveLength(1);
    const stored = await db.query<{ row: string }>('SELECT i::text AS row FROM gateway.idempotency_keys i');
    expect(stored.rows.length).toBeGreaterThan(0);
    expect(stored.rows.filter((r) => r.row.includes(first.body.secret))).toEqual([]);
    expect(stored.rows.filter((r) => r.row.includes(first.body.secret.slice(3)))).toEqual([]);
  });

  it('keeps keys of two callers of one agency apart', async () => {
    const second = await agency.api.post<{ secret: string }>('/v1/api-keys', { name: 'second', roles: ['admin'] });
    const secondApi = agency.api.as({ bearer: second.body.secret });
    const headers = { 'idempotency-key': 'same-key-two-callers' };
    const mine = await agency.api.post<{ id: string; name: string }>(
      '/v1/sites',
      { name: 'A', domain: 'a.vn' },
      headers,
    );
    const theirs = await secondApi.post<{ id: string; name: string }>(
      '/v1/sites',
      { name: 'B', domain: 'b.vn' },
      headers,
    );
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.name).toBe('B');
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('treats a key older than its 24 hours as a new request instead of replaying it', async () => {
    const headers = { 'idempotency-key': 'yesterday' };
    const first = await agency.api.post<{ id: string }>('/v1/sites', { name: 'Old', domain: 'old.vn' }, headers);
    await db.query(
      `UPDATE gateway.idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'yesterday'`,
    );
    const later = await agency.api.post<{ id: string }>('/v1/sites', { name: 'Old', domain: 'old.vn' }, headers);
    expect(later.status).toBe(201);
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    expect(later.body.id).not.toBe(first.body.id);
  });

  it('refuses the same key with a different body with 422, creating nothing', async () => {
    const headers = { 'idempotency-key': 'create-site-2' };
    expect((await agency.api.post('/v1/sites', { name: 'First', domain: 'first.vn' }, headers)).status).toBe(201);
    const other = await agency.api.post('/v1/sites', { name: 'Second', domain: 'second.vn' }, headers);
    expect(other.status).toBe(422);
    expect((await sites()).map((s) => s.name)).not.toContain('Second');
  });

  it('keeps keys of different callers apart', async () => {
    const other = await createAgency(agency.api, suite.operatorToken);
    const headers = { 'idempotency-key': 'shared-name' };
    const mine = await agency.api.post<{ id: string }>('/v1/sites', { name: 'Mine', domain: 'mine.vn' }, headers);
    const theirs = await other.api.post<{ id: string }>('/v1/sites', { name: 'Mine', domain: 'mine.vn' }, headers);
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('frees the key when the first attempt was refused', async () => {
    const headers = { 'idempotency-key': 'fix-and-retry' };
    expect((await agency.api.post('/v1/sites', { name: 'Bad', domain: 'not a host' }, headers)).status).toBe(400);
    expect((await agency.api.post('/v1/sites', { name: 'Bad', domain: 'not a host' }, headers)).status).toBe(400);
    expect((await sites()).map((s) => s.name)).not.toContain('Bad');
  });
});
