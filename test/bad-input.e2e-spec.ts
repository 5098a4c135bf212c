import { createAgency, TestAgency } from './support/agencies';
import { Api, ApiResponse } from './support/api';
import { TestSuite } from './support/test-suite';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  requestId: string;
  errors?: { field: string; message: string }[];
}

describe('bad input', () => {
  let suite: TestSuite;
  let api: Api;
  let agency: TestAgency;
  let editorKey: string;

  async function state() {
    const [sites, keys, audit] = await Promise.all([
      agency.api.get<{ items: unknown[] }>('/v1/sites'),
      agency.api.get<{ items: unknown[] }>('/v1/api-keys'),
      agency.api.get<{ items: unknown[] }>('/v1/audit-log'),
    ]);
    return { sites: sites.body.items, keys: keys.body.items, audit: audit.body.items };
  }

  function expectProblem(response: ApiResponse<unknown>, status: number, field?: string): Problem {
    const problem = response.body as Problem;
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(problem).toMatchObject({
      status,
      type: expect.stringMatching(/^https:\/\/revenue-suite\.dev\/problems\//),
      title: expect.any(String),
    });
    expect(problem.requestId).toBe(response.headers.get('x-request-id'));
    if (field) expect(problem.errors?.map((e) => e.field)).toContain(field);
    return problem;
  }

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway'], { BODY_LIMIT_BYTES: '4096' });
    api = new Api(await suite.gatewayUrl());
    agency = await createAgency(api, suite.operatorToken);
    const editor = await agency.api.post<{ secret: string }>('/v1/api-keys', { name: 'editor', roles: ['editor'] });
    editorKey = editor.body.secret;
  });

  afterAll(() => suite?.close());

  it.each([
    ['an unknown field', { name: 'Site', domain: 'site.vn', owner: 'me' }, 'owner'],
    ['a wrong type', { name: 42, domain: 'site.vn' }, 'name'],
    ['a missing field', { name: 'Site' }, 'domain'],
    ['an invalid value', { name: 'Site', domain: 'not a host' }, 'domain'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_case, body, field) => {
    const before = await state();
    expectProblem(await agency.api.post('/v1/sites', body), 400, field);
    expect(await state()).toEqual(before);
  });

  it('refuses a body over the size limit with 413', async () => {
    const before = await state();
    expectProblem(await agency.api.post('/v1/sites', { name: 'x'.repeat(5000), domain: 'site.vn' }), 413);
    expect(await state()).toEqual(before);
  });

  it('refuses malformed JSON with 400', async () => {
    expectProblem(await agency.api.post('/v1/sites', '{"name": "Site",'), 400);
  });

  it('refuses a body that is not JSON with 415', async () => {
    expectProblem(
      await agency.api.post('/v1/sites', 'name=Site', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
    );
  });

  it('refuses a request without credentials with 401', async () => {
    const before = await state();
    expectProblem(await api.post('/v1/sites', { name: 'Site', domain: 'site.vn' }), 401);
    expect(await state()).toEqual(before);
  });

  it('refuses a forged or revoked key with 401', async () => {
    expectProblem(await api.as({ bearer: `sk_000000000000_${'A'.repeat(43)}` }).get('/v1/sites'), 401);
    expectProblem(await api.as({ bearer: 'sk_garbage' }).get('/v1/sites'), 401);
    expectProblem(await api.as({ bearer: 'not-a-token' }).get('/v1/sites'), 401);
  });

  it('refuses a role that may not call the route with 403, and writes nothing', async () => {
    const before = await state();
    expectProblem(await api.as({ bearer: editorKey }).post('/v1/sites', { name: 'Site', domain: 'site.vn' }), 403);
    expectProblem(
      await api.as({ bearer: editorKey }).post('/v1/api-keys', { name: 'escalate', roles: ['admin'] }),
      403,
    );
    expect(await state()).toEqual(before);
  });

  it('keeps agencies to the operator', async () => {
    expectProblem(await agency.api.post('/v1/tenants', { name: 'Mine', slug: 'mine-too' }), 403);
  });

  it('refuses a malformed id with 400 naming it', async () => {
    expectProblem(await agency.api.get('/v1/sites/not-a-uuid'), 400, 'id');
  });

  it('answers an unknown route with 404 problem+json', async () => {
    expectProblem(await agency.api.get('/v1/nowhere'), 404);
  });

  it('refuses a weak console password, naming the field', async () => {
    const problem = expectProblem(
      await agency.api.post('/v1/users', { email: 'weak@site.vn', name: 'Weak', role: 'editor', password: 'short' }),
      400,
      'password',
    );
    expect(problem.errors?.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps a request id given by the caller', async () => {
    const response = await agency.api.get('/v1/sites/not-a-uuid', { 'x-request-id': 'caller-chosen-123' });
    expect(response.headers.get('x-request-id')).toBe('caller-chosen-123');
    expect((response.body as unknown as Problem).requestId).toBe('caller-chosen-123');
  });
});
