import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { awaitProvisioned, createAgency, TestAgency } from './support/agencies';
import { Api, ApiResponse } from './support/api';
import { bankCsv, camt053, stripeReport } from './support/reconciliation-files';
import { TestSuite } from './support/test-suite';

/**
 * Every write route of the public API (docs/openapi.json), walked with hostile bodies: each is
 * refused with a 4xx problem+json, and no row of the database changes. Beside it, the framework's
 * own errors (long path, large body, wrong type, unknown route, unparsable JSON) as problem+json.
 */

interface Problem {
  status: number;
  type: string;
  requestId?: string;
  instance?: string;
  errors?: { field: string; message: string }[];
}

interface SchemaObject {
  $ref?: string;
  type?: string;
  pattern?: string;
  properties?: Record<string, SchemaObject>;
}

interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: SchemaObject }> };
}

interface WriteRoute {
  method: string;
  path: string;
  /** The path with its parameters filled with valid-looking ids. */
  url: string;
  /** The JSON body's schema; none when the route takes no body (or takes a file). */
  body?: SchemaObject;
  takesFile: boolean;
}

interface Hostile {
  label: string;
  route: WriteRoute;
  /** The raw body and its content type. */
  payload: string;
  contentType: string;
  /** Exact status expected, when the case has one. */
  status?: number;
  /** A field the problem must name. */
  field?: string;
}

const DOCUMENT = JSON.parse(readFileSync(join(__dirname, '..', 'docs', 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, SchemaObject> };
};
const MONEY = /0\|\[1-9\]/;
/** Served by the paywall's public decision server, not the gateway. */
const NOT_GATEWAY = new Set(['/v1/paywall/decisions']);
const BATCH = 8;
const LOGOUT = '/v1/auth/logout';
/** Routes only the suite's operator may call (an agency admin would be refused before the body is read). */
const OPERATOR_ROUTES = new Set(['/v1/tenants']);

function resolve(schema: SchemaObject): SchemaObject {
  return schema.$ref ? DOCUMENT.components.schemas[schema.$ref.split('/').pop()!] : schema;
}

function sampleParam(name: string): string {
  if (name === 'revision') return '987654';
  if (name === 'month') return '2031-01';
  if (name === 'rail') return 'momo';
  if (name === 'articleId') return `hostile-${randomUUID()}`;
  if (name === 'checkoutSessionId') return `cs_test_${randomUUID().replace(/-/g, '')}`;
  return randomUUID();
}

function writeRoutes(): WriteRoute[] {
  const routes: WriteRoute[] = [];
  for (const [path, operations] of Object.entries(DOCUMENT.paths)) {
    if (NOT_GATEWAY.has(path)) continue;
    for (const [method, operation] of Object.entries(operations)) {
      if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
      const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(sampleParam(name)));
      const content = operation.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      routes.push({
        method: method.toUpperCase(),
        path,
        url,
        body: json ? resolve(json) : undefined,
        takesFile: !json && Object.keys(content).length > 0,
      });
    }
  }
  return routes;
}

/** Every property set to a value of the wrong type. */
function wrongTypes(schema: SchemaObject): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const type = resolve(property).type;
    body[name] = type === 'string' ? 12345 : type === 'array' ? 'not a list' : type === 'object' ? [1] : 'not a number';
  }
  return body;
}

function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

function hostileCases(route: WriteRoute): Hostile[] {
  const json = 'application/json';
  const cases: Hostile[] = [
    { label: 'text, not JSON', route, payload: 'hostile', contentType: 'text/plain', status: 415 },
    // A file route takes no JSON at all: 415, or 400 when the JSON parser refuses it first.
    {
      label: 'deep nesting',
      route,
      payload: nested(5000),
      contentType: json,
      status: route.takesFile ? undefined : 400,
    },
    {
      label: 'a 1 MB string',
      route,
      payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024) }),
      contentType: json,
      status: 413,
    },
    {
      label: 'unparsable JSON',
      route,
      payload: '{"name": ',
      contentType: json,
      status: route.takesFile ? undefined : 400,
    },
  ];
  if (route.takesFile) return cases;
  cases.push(
    { label: 'null', route, payload: 'null', contentType: json, status: 400 },
    { label: 'a list', route, payload: '[1,2]', contentType: json, status: 400 },
  );
  if (!route.body) {
    // No body expected: anything but nothing or {} is refused, naming the body.
    cases.push({
      label: 'a body where none is taken',
      route,
      payload: '{"hostile":true}',
      contentType: json,
      status: 400,
      field: 'body',
    });
    return cases;
  }
  cases.push(
    {
      label: 'wrong types',
      route,
      payload: JSON.stringify(wrongTypes(route.body)),
      contentType: json,
      status: 400,
    },
    {
      label: 'an unknown field',
      route,
      payload: JSON.stringify({ hostileField: 'x' }),
      contentType: json,
      status: 400,
      field: 'hostileField',
    },
  );
  for (const [name, property] of Object.entries(route.body.properties ?? {})) {
    if (!MONEY.test(property.pattern ?? '')) continue;
    for (const amount of ['-100', '10.5', '-0', '99999999999999999999999'])
      cases.push({
        label: `${name} ${amount}`,
        route,
        payload: JSON.stringify({ [name]: amount }),
        contentType: json,
        status: 400,
        field: name,
      });
    cases.push({
      label: `${name} as a fractional number`,
      route,
      payload: JSON.stringify({ [name]: 10.5 }),
      contentType: json,
      status: 400,
      field: name,
    });
  }
  return cases;
}

/** Rows of every table of the test database, by schema and table. */
async function rowCounts(databaseUrl: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
        ORDER BY 1, 2`,
    );
    const sql = tables
      .map(
        (t) =>
          `SELECT '${t.schema}.${t.name}' AS name, count(*)::int AS count FROM "${t.schema}"."${t.name.replace(/"/g, '""')}"`,
      )
      .join(' UNION ALL ');
    const { rows } = await client.query<{ name: string; count: number }>(sql);
    return Object.fromEntries(rows.map((r) => [r.name, r.count]));
  } finally {
    await client.end();
  }
}

function problemOf(response: ApiResponse<unknown>): Problem {
  return response.body as Problem;
}

describe('hostile input', () => {
  let suite: TestSuite;
  let api: Api;
  let agency: TestAgency;
  let admin: Api;
  let operator: Api;

  beforeAll(async () => {
    suite = await TestSuite.start(undefined, { RATE_LIMIT_PER_MINUTE: '100000' });
    api = new Api(await suite.gatewayUrl());
    agency = await createAgency(api, suite.operatorToken);
    await awaitProvisioned(agency);
    const password = 'Hostile-Input-Password-1';
    const created = await agency.api.post('/v1/users', {
      email: 'admin@hostile.vn',
      name: 'Nguyễn Thị Hoa',
      role: 'admin',
      password,
    });
    expect(created.status).toBe(201);
    const login = await api.post<{ accessToken: string }>('/v1/auth/login', {
      tenant: agency.slug,
      email: 'admin@hostile.vn',
      password,
    });
    expect(login.status).toBe(200);
    admin = api.as({ bearer: login.body.accessToken });
    operator = api.as({ bearer: suite.operatorToken });
  }, 60_000);

  afterAll(() => suite?.close());

  it('refuses hostile bodies on every write route with a 4xx problem+json, and writes nothing', async () => {
    const routes = writeRoutes();
    expect(routes.length).toBeGreaterThan(40);
    // Logging out last: were it to take a hostile body as a logout, the walk would go on signed out.
    const cases = routes
      .flatMap(hostileCases)
      .sort((a, b) => Number(a.route.path === LOGOUT) - Number(b.route.path === LOGOUT));
    const before = await rowCounts(suite.database.url);
    const wrong: string[] = [];
    for (let i = 0; i < cases.length; i += BATCH) {
      const answers = await Promise.all(
        cases.slice(i, i + BATCH).map((c) =>
          (OPERATOR_ROUTES.has(c.route.path) ? operator : admin).send<unknown>(c.route.method, c.route.url, c.payload, {
            'content-type': c.contentType,
          }),
        ),
      );
      answers.forEach((response, j) => {
        const c = cases[i + j];
        const problem = problemOf(response);
        const name = `${c.route.method} ${c.route.path} with ${c.label}`;
        if (response.status < 400 || response.status >= 500) wrong.push(`${name}: ${response.status}`);
        else if (c.status !== undefined && response.status !== c.status)
          wrong.push(`${name}: ${response.status}, not ${c.status} (${JSON.stringify(response.body).slice(0, 200)})`);
        else if (!response.headers.get('content-type')?.startsWith('application/problem+json'))
          wrong.push(`${name}: content type ${response.headers.get('content-type')}`);
        else if (problem.requestId !== response.headers.get('x-request-id'))
          wrong.push(`${name}: request id ${problem.requestId}`);
        else if (c.field && !problem.errors?.some((e) => e.field === c.field))
          wrong.push(`${name}: does not name ${c.field} (${JSON.stringify(problem.errors)})`);
      });
    }
    expect(wrong).toEqual([]);
    expect(await rowCounts(suite.database.url)).toEqual(before);
  }, 60_000);

  it('refuses garbage and out-of-range page cursors and limits with 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['/v1/audit-log?before=99999999999999999999', 'before'],
      ['/v1/audit-log?before=9223372036854775808', 'before'],
      ['/v1/audit-log?before=garbage', 'before'],
      ['/v1/audit-log?limit=1e30', 'limit'],
      ['/v1/finance/journal-entries?before=garbage', 'before'],
      ['/v1/finance/journal-entries?limit=-1', 'limit'],
      ['/v1/subscriptions/invoices?limit=99999999999999999999999', 'limit'],
      ['/v1/paywall/articles?after=%00%01', 'after'],
      ['/v1/subscriptions/gifts?limit=0', 'limit'],
      ['/v1/subscriptions/gifts?before=garbage', 'before'],
      ['/v1/subscriptions/group-licences?limit=1000', 'limit'],
      ['/v1/subscriptions/group-licences?before=garbage', 'before'],
    ];
    const answers = await Promise.all(cases.map(([url]) => admin.get(url)));
    const wrong = answers.flatMap((response, i) =>
      response.status === 400 && problemOf(response).errors?.some((e) => e.field === cases[i][1])
        ? []
        : [`${cases[i][0]}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`],
    );
    expect(wrong).toEqual([]);
  });

  it.each([
    ['more digits than any amount', 'VND', '99999999999999999999999'],
    ['too many cents for a bigint', 'USD', '999999999999999999'],
  ])('refuses an imported statement line with %s, naming the line', async (_case, currency, amount) => {
    const csv = { 'content-type': 'text/csv' };
    const xml = { 'content-type': 'application/xml' };
    const before = await rowCounts(suite.database.url);
    const report = stripeReport([
      {
        id: 'txn_overflow',
        created: '2031-01-05 10:00:00',
        currency: currency.toLowerCase(),
        gross: amount,
        fee: '0',
        net: amount,
        category: 'charge',
      },
    ]);
    const bank = bankCsv([{ date: '2031-01-05', amount, currency, reference: 'overflow' }]);
    const statement = camt053([{ amount, currency, bookedOn: '2031-01-05', reference: 'overflow' }], currency);
    for (const [path, file, type, line] of [
      ['/v1/finance/reconciliation/imports/stripe-csv', report, csv, /line 2/],
      ['/v1/finance/reconciliation/imports/bank-csv', bank, csv, /line 2/],
      ['/v1/finance/reconciliation/imports/camt053', statement, xml, /Ntry\[0\]\.Amt/],
    ] as const) {
      const refused = await admin.post<Problem>(path, file, type);
      expect([path, refused.status]).toEqual([path, 400]);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(JSON.stringify(refused.body)).toMatch(line);
      expect(JSON.stringify(refused.body)).toContain(amount);
    }
    expect(await rowCounts(suite.database.url)).toEqual(before);
  });

  describe('errors of the HTTP framework itself, as problem+json with the request id', () => {
    function expectFrameworkProblem(response: ApiResponse<unknown>, status: number, requestId: string): void {
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const problem = problemOf(response);
      expect(problem).toMatchObject({
        status,
        type: expect.stringMatching(/^https:\/\/revenue-suite\.dev\/problems\//),
      });
      expect(problem.requestId).toBe(requestId);
      expect(JSON.stringify(problem).length).toBeLessThan(2000);
    }

    /** `path` takes a JSON POST; a server without routes with parameters answers a long path 404. */
    async function expectFrameworkErrors(base: Api, path: string, longPath: 414 | 404): Promise<void> {
      const id = () => `hostile-${randomUUID()}`;
      let rid = id();
      expectFrameworkProblem(await base.get(`/v1/sites/${'x'.repeat(5000)}`, { 'x-request-id': rid }), longPath, rid);
      rid = id();
      expectFrameworkProblem(
        await base.post(path, JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }), { 'x-request-id': rid }),
        413,
        rid,
      );
      rid = id();
      expectFrameworkProblem(
        await base.post(path, 'hostile', { 'x-request-id': rid, 'content-type': 'text/plain' }),
        415,
        rid,
      );
      rid = id();
      expectFrameworkProblem(await base.get('/v1/nowhere/at/all', { 'x-request-id': rid }), 404, rid);
      rid = id();
      expectFrameworkProblem(await base.post(path, '{"a":', { 'x-request-id': rid }), 400, rid);
    }

    it('on the gateway', async () => {
      expect.hasAssertions();
      await expectFrameworkErrors(admin, '/v1/sites', 414);
    });

    it('on a service’s own HTTP server', async () => {
      expect.hasAssertions();
      const [finance] = suite.instances('finance');
      const url = (await finance.getUrl()).replace('[::1]', '127.0.0.1');
      await expectFrameworkErrors(new Api(url), '/v1/nowhere', 404);
    });

    it('on the paywall’s public decision server', async () => {
      expect.hasAssertions();
      const [paywall] = suite.instances('paywall');
      const { PublicDecisionServer } = await import('../apps/paywall/src/public-decisions/public-decision-server');
      const server = paywall.get(PublicDecisionServer);
      await expectFrameworkErrors(new Api(server.url), '/v1/paywall/decisions', 404);
    });
  });
});
