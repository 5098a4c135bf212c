import { FakeStripe, startFakeStripe } from './stripe-fake';
import { awaitProvisioned, createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { FOREIGN_ID_MATRIX, LIST_ROUTES } from './support/foreign-id-matrix';
import { createMonthlyPlan, linkStripe } from './support/subscription-fixtures';
import { TestSuite } from './support/test-suite';

describe('tenant isolation', () => {
  let fake: FakeStripe;
  let suite: TestSuite;
  let api: Api;
  let a: TestAgency;
  let b: TestAgency;

  async function seed(agency: TestAgency, tag: string): Promise<void> {
    expect((await agency.api.post('/v1/sites', { name: `Site ${tag}`, domain: `${tag}.example.vn` })).status).toBe(201);
    expect((await agency.api.post('/v1/users', { email: `editor@${tag}.example.vn`, name: 'Editor', role: 'editor', password: 'Correct-Horse-42' })).status).toBe(201);
    await createMonthlyPlan(await linkStripe(agency, fake, api.baseUrl));
  }

  beforeAll(async () => {
    fake = await startFakeStripe();
    suite = await TestSuite.start(undefined, { STRIPE_API_URL: fake.url });
    api = new Api(await suite.gatewayUrl());
    [a, b] = await Promise.all([createAgency(api, suite.operatorToken), createAgency(api, suite.operatorToken)]);
    await Promise.all([awaitProvisioned(a), awaitProvisioned(b), seed(a, 'a'), seed(b, 'b')]);
  });

  afterAll(async () => {
    await suite?.close();
    await fake?.close();
  });

  it('covers every route that takes an id', async () => {
    const openapi = await api.get<{ paths: Record<string, Record<string, unknown>> }>('/openapi.json');
    const routesWithId = Object.entries(openapi.body.paths).flatMap(([path, methods]) =>
      path.includes('{id}') ? Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`) : [],
    );
    const covered = FOREIGN_ID_MATRIX.map((c) => `${c.method} ${c.path}`);
    expect(routesWithId.sort()).toEqual(covered.sort());
  });

  it.each(FOREIGN_ID_MATRIX.map((c) => [`${c.method} ${c.path}`, c] as const))(
    "answers 404 to %s with another agency's id, and changes nothing",
    async (_name, matrixCase) => {
      const foreignId = await matrixCase.idOf(b);
      const path = matrixCase.path.replace('{id}', foreignId);
      const readPath = path.replace(/\/prices$/, '');
      const before = matrixCase.method === 'GET' ? null : await b.api.get(readPath);
      const response = await a.api.send(matrixCase.method, path, matrixCase.body);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      if (before) expect((await b.api.get(readPath)).body).toEqual(before.body);
    },
  );

  it.each(LIST_ROUTES)('lists only the caller’s own objects at %s', async (path) => {
    const [mine, theirs] = await Promise.all([a.api.get<{ items: object[] }>(path), b.api.get<{ items: object[] }>(path)]);
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    const theirIds = new Set(theirs.body.items.map((item) => JSON.stringify(item)));
    expect(mine.body.items.filter((item) => theirIds.has(JSON.stringify(item)))).toEqual([]);
  });

  it('refuses a service request whose headers carry no tenant', async () => {
    const { RpcClient } = await import('@libs/common');
    const { ListAccounts } = await import('@libs/contracts');
    const rpc = suite.instances('gateway')[0].get(RpcClient);
    await expect(rpc.request(ListAccounts, {}, { tenantId: '', actor: 'test', roles: ['admin'], requestId: 'r1' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('lets a service refuse a role the gateway would not have let through', async () => {
    const { RpcClient } = await import('@libs/common');
    const { ListAccounts } = await import('@libs/contracts');
    const rpc = suite.instances('gateway')[0].get(RpcClient);
    await expect(rpc.request(ListAccounts, {}, { tenantId: a.tenantId, actor: 'test', roles: ['editor'], requestId: 'r2' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
