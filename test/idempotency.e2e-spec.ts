import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { TestSuite } from './support/test-suite';

describe('Idempotency-Key', () => {
  let suite: TestSuite;
  let agency: TestAgency;

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway']);
    agency = await createAgency(new Api(await suite.gatewayUrl()), suite.operatorToken);
  });

  afterAll(() => suite?.close());

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

  it('replays the first answer to a later repeat, shown-once secrets included', async () => {
    const headers = { 'idempotency-key': 'create-key-1' };
    const first = await agency.api.post<{ id: string; secret: string }>(
      '/v1/api-keys',
      { name: 'cms', roles: ['editor'] },
      headers,
    );
    const again = await agency.api.post<{ id: string; secret: string }>(
      '/v1/api-keys',
      { name: 'cms', roles: ['editor'] },
      headers,
    );
    expect(again.body).toEqual(first.body);
    const keys = (await agency.api.get<{ items: { name: string }[] }>('/v1/api-keys')).body.items;
    expect(keys.filter((k) => k.name === 'cms')).toHaveLength(1);
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
