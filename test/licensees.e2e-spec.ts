import { DataSource } from 'typeorm';
import type { LicenseeClientSecret, LicenseeView } from '@libs/contracts';
import { eventually } from '@libs/testing';
import { clientSecretMatches } from '../apps/licensing/src/licensees/licensee-client-secret';
import { Licensee } from '../apps/licensing/src/licensees/licensee.entity';
import { createAgency, TestAgency } from './support/agencies';
import { Api, ApiResponse } from './support/api';
import { CROSS_LICENSEE_MATRIX, LicenseeWorld } from './support/cross-licensee-matrix';
import { TestSuite } from './support/test-suite';

interface Problem {
  errors?: { field: string; message: string }[];
}

const LICENSEES = '/v1/licensing/licensees';

function licensee(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Báo Mới',
    kind: 'aggregator',
    country: 'VN',
    taxCode: '0101234567',
    contact: { name: 'Phạm Văn D', email: 'doitac@baomoi.vn', phone: '+84912345678' },
    ...overrides,
  };
}

function fieldsOf(response: ApiResponse<unknown>): string[] {
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  return [...new Set(((response.body as Problem).errors ?? []).map((e) => e.field))];
}

describe('licensees', () => {
  let suite: TestSuite;
  let api: Api;
  let agency: TestAgency;

  /** A licensee of the agency and a client holding its own key. */
  async function licenseeWithKey(name: string): Promise<{ licensee: LicenseeView; client: Api }> {
    const created = await agency.api.post<LicenseeView>(LICENSEES, licensee({ name }));
    expect(created.status).toBe(201);
    const key = await agency.api.post<{ secret: string; roles: string[]; subjectId: string }>(
      `${LICENSEES}/${created.body.id}/api-keys`,
      { name: `${name} key` },
    );
    expect(key.status).toBe(201);
    expect(key.body).toMatchObject({ roles: ['licensee'], subjectId: created.body.id });
    return { licensee: created.body, client: api.as({ bearer: key.body.secret }) };
  }

  /** What bad input must leave as it was: the licensees and the audit log. */
  async function state() {
    const [licensees, audit] = await Promise.all([
      agency.api.get<{ items: unknown[] }>(LICENSEES),
      agency.api.get<{ items: unknown[] }>('/v1/audit-log?limit=500'),
    ]);
    return { licensees: licensees.body.items, audit: audit.body.items };
  }

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'licensing']);
    api = new Api(await suite.gatewayUrl());
    agency = await createAgency(api, suite.operatorToken);
  });

  afterAll(() => suite?.close());

  it('creates a licensee with a client id and no client secret yet, and lists and reads it back', async () => {
    const created = await agency.api.post<LicenseeView>(LICENSEES, licensee());
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Báo Mới',
      kind: 'aggregator',
      country: 'VN',
      taxCode: '0101234567',
      contact: { name: 'Phạm Văn D', email: 'doitac@baomoi.vn', phone: '+84912345678' },
      clientId: expect.stringMatching(/^lic_[0-9a-f]{24}$/),
      clientSecretIssuedAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect((await agency.api.get(`${LICENSEES}/${created.body.id}`)).body).toEqual(created.body);
    const listed = await agency.api.get<{ items: LicenseeView[] }>(LICENSEES);
    expect(listed.body.items).toContainEqual(created.body);
    const foreign = await agency.api.post<LicenseeView>(
      LICENSEES,
      licensee({
        name: 'OpenModels Inc.',
        kind: 'ai-company',
        country: 'US',
        taxCode: '12-3456789',
        contact: { name: 'Legal', email: 'legal@openmodels.example' },
      }),
    );
    expect(foreign.status).toBe(201);
    expect(foreign.body).toMatchObject({ taxCode: '12-3456789', contact: { phone: null } });
    expect(foreign.body.clientId).not.toBe(created.body.clientId);
  });

  it('changes what is given and keeps the rest, audited with before and after', async () => {
    const created = (await agency.api.post<LicenseeView>(LICENSEES, licensee({ name: 'Tin Nhanh 24h' }))).body;
    const changed = await agency.api.patch<LicenseeView>(`${LICENSEES}/${created.id}`, {
      kind: 'outlet',
      taxCode: null,
      contact: { name: 'Bộ phận bản quyền', email: 'banquyen@tinnhanh24h.vn' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      name: 'Tin Nhanh 24h',
      kind: 'outlet',
      country: 'VN',
      taxCode: null,
      contact: { name: 'Bộ phận bản quyền', email: 'banquyen@tinnhanh24h.vn', phone: null },
      clientId: created.clientId,
    });
    await eventually(async () => {
      const audit = await agency.api.get<{
        items: { action: string; targetId: string; before: unknown; after: unknown }[];
      }>('/v1/audit-log?limit=500');
      const ours = audit.body.items.filter((e) => e.targetId === created.id).map((e) => e.action);
      expect(ours.sort()).toEqual(['licensee.changed', 'licensee.created']);
    });
  });

  it.each([
    ['an unknown kind', licensee({ kind: 'broadcaster' }), 'kind'],
    ['a country that is no ISO 3166 code', licensee({ country: 'VNM' }), 'country'],
    ['a reserved country code', licensee({ country: 'EU' }), 'country'],
    ['a missing name', licensee({ name: undefined }), 'name'],
    ['a name over 200 characters', licensee({ name: 'x'.repeat(201) }), 'name'],
    ['a tax code with symbols', licensee({ taxCode: '0101234567#' }), 'taxCode'],
    ['a Vietnamese licensee with a tax code of 9 digits', licensee({ taxCode: '010123456' }), 'taxCode'],
    ['a missing contact', licensee({ contact: undefined }), 'contact'],
    ['a contact without an email', licensee({ contact: { name: 'A' } }), 'contact.email'],
    ['a contact email that is none', licensee({ contact: { name: 'A', email: 'not-an-email' } }), 'contact.email'],
    [
      'a contact phone with letters',
      licensee({ contact: { name: 'A', email: 'a@b.vn', phone: '09x' } }),
      'contact.phone',
    ],
    ['an unknown field', licensee({ clientSecret: 'mine' }), 'clientSecret'],
  ])('refuses a licensee with %s with 400 naming the field, and writes nothing', async (_case, body, field) => {
    const before = await state();
    expect(fieldsOf(await agency.api.post(LICENSEES, body))).toEqual([field]);
    expect(await state()).toEqual(before);
  });

  it.each([
    ['a country that makes the tax code wrong', { country: 'VN', taxCode: 'DE123456789' }, 'taxCode'],
    ['Vietnam, leaving a foreign tax code as it is', { country: 'VN' }, 'taxCode'],
    ['an unknown kind', { kind: 'publisher' }, 'kind'],
    ['an empty name', { name: '' }, 'name'],
    ['a contact without a name', { contact: { email: 'a@b.vn' } }, 'contact.name'],
    ['no name at all', { name: null }, 'name'],
    ['no country at all', { country: null }, 'country'],
    ['no contact at all', { contact: null }, 'contact'],
  ])('refuses a change to %s with 400 naming the field, and changes nothing', async (change, body, field) => {
    const created = (
      await agency.api.post<LicenseeView>(
        LICENSEES,
        licensee({ name: `Refused ${change}`, country: 'DE', taxCode: 'DE123456789' }),
      )
    ).body;
    // the creation's audit record reaches the gateway's log on its own time: wait for it
    await eventually(async () => expect(JSON.stringify((await state()).audit)).toContain(created.id));
    const before = await state();
    expect(fieldsOf(await agency.api.patch(`${LICENSEES}/${created.id}`, body))).toEqual([field]);
    expect(await state()).toEqual(before);
  });

  it('answers 400 naming id to a licensee id that is no uuid, and 404 to an unknown one', async () => {
    expect(fieldsOf(await agency.api.get(`${LICENSEES}/not-a-uuid`))).toEqual(['id']);
    expect((await agency.api.get(`${LICENSEES}/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    const unknown = await agency.api.post(`${LICENSEES}/00000000-0000-4000-8000-000000000000/client-secret`, undefined);
    expect(unknown.status).toBe(404);
  });

  describe('client credentials', () => {
    const storedHashOf = async (id: string) =>
      (await suite.instances('licensing')[0].get(DataSource).getRepository(Licensee).findOneByOrFail({ id }))
        .clientSecretHash;

    it('issues a client secret shown once and kept as a hash; a rotation makes the one before stop matching', async () => {
      const created = (await agency.api.post<LicenseeView>(LICENSEES, licensee({ name: 'AI Việt' }))).body;
      const first = await agency.api.post<LicenseeClientSecret>(`${LICENSEES}/${created.id}/client-secret`, undefined);
      expect(first.status).toBe(201);
      expect(first.body).toEqual({
        clientId: created.clientId,
        clientSecret: expect.stringMatching(/^lcs_[A-Za-z0-9_-]{43}$/),
        issuedAt: expect.any(String),
      });
      const read = await agency.api.get<LicenseeView>(`${LICENSEES}/${created.id}`);
      expect(read.body.clientSecretIssuedAt).toBe(first.body.issuedAt);
      expect(JSON.stringify(read.body)).not.toContain(first.body.clientSecret);
      const hash = await storedHashOf(created.id);
      expect(clientSecretMatches(first.body.clientSecret, hash)).toBe(true);
      expect(hash?.toString('utf8')).not.toContain(first.body.clientSecret);

      const second = await agency.api.post<LicenseeClientSecret>(`${LICENSEES}/${created.id}/client-secret`, undefined);
      expect(second.body.clientId).toBe(created.clientId);
      expect(second.body.clientSecret).not.toBe(first.body.clientSecret);
      const rotated = await storedHashOf(created.id);
      expect(clientSecretMatches(second.body.clientSecret, rotated)).toBe(true);
      expect(clientSecretMatches(first.body.clientSecret, rotated)).toBe(false);
      await eventually(async () => {
        const audit = await agency.api.get<{ items: { action: string; targetId: string; after: object }[] }>(
          '/v1/audit-log?limit=500',
        );
        const issued = audit.body.items.filter(
          (e) => e.targetId === created.id && e.action === 'licensee.client-secret-issued',
        );
        expect(issued).toHaveLength(2);
        expect(JSON.stringify(issued)).not.toContain(second.body.clientSecret.slice(4));
      });
    });

    it('never answers a secret again to a repeated Idempotency-Key', async () => {
      const created = (await agency.api.post<LicenseeView>(LICENSEES, licensee({ name: 'Repeat' }))).body;
      const headers = { 'idempotency-key': `secret-${created.id}` };
      const path = `${LICENSEES}/${created.id}/client-secret`;
      expect((await agency.api.post(path, undefined, headers)).status).toBe(201);
      const again = await agency.api.post<{ detail: string }>(path, undefined, headers);
      expect(again.status).toBe(409);
      expect(JSON.stringify(again.body)).not.toContain('lcs_');
    });
  });

  describe("a licensee's own principal", () => {
    let a: Awaited<ReturnType<typeof licenseeWithKey>>;
    let b: Awaited<ReturnType<typeof licenseeWithKey>>;
    let world: LicenseeWorld;

    beforeAll(async () => {
      a = await licenseeWithKey('Licensee A');
      b = await licenseeWithKey('Licensee B');
      const offers = await agency.api.get<{ items: { id: string }[] }>('/v1/licensing/licence-offers');
      world = { licenseeId: b.licensee.id, articleId: 'any-article', licenceOfferId: offers.body.items[0].id };
    });

    it('sees itself at /me, and only itself', async () => {
      const me = await a.client.get<LicenseeView>(`${LICENSEES}/me`);
      expect(me.status).toBe(200);
      expect(me.body).toEqual((await agency.api.get(`${LICENSEES}/${a.licensee.id}`)).body);
      expect((await b.client.get<LicenseeView>(`${LICENSEES}/me`)).body.id).toBe(b.licensee.id);
    });

    it('keeps the agency’s list of licensees, and the creation of more, to staff', async () => {
      expect((await a.client.get(LICENSEES)).status).toBe(403);
      const before = await state();
      expect((await a.client.post(LICENSEES, licensee({ name: 'Sock puppet' }))).status).toBe(403);
      expect(await state()).toEqual(before);
    });

    it('answers /me only to a licensee: staff have no licensee of their own', async () => {
      expect((await agency.api.get(`${LICENSEES}/me`)).status).toBe(403);
    });

    it('covers every licensing route with a path parameter in the cross-licensee matrix', async () => {
      const openapi = await api.get<{ paths: Record<string, Record<string, unknown>> }>('/openapi.json');
      const routes = Object.entries(openapi.body.paths).flatMap(([path, methods]) =>
        path.startsWith('/v1/licensing/') && path.includes('{')
          ? Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`)
          : [],
      );
      expect(routes.sort()).toEqual(CROSS_LICENSEE_MATRIX.map((c) => `${c.method} ${c.path}`).sort());
    });

    it.each(CROSS_LICENSEE_MATRIX.map((c) => [`${c.method} ${c.path}`, c.status, c] as const))(
      "answers licensee A's %s on B's (or the agency's) with %s, and changes nothing",
      async (_name, status, matrixCase) => {
        const params = matrixCase.paramsOf(world);
        const fill = (template: string) =>
          template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]));
        const readPath = fill(matrixCase.readPath ?? matrixCase.path);
        const before = matrixCase.method === 'GET' ? null : await agency.api.get(readPath);
        const response = await a.client.send(matrixCase.method, fill(matrixCase.path), matrixCase.body);
        expect(response.status).toBe(status);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        if (before) expect((await agency.api.get(readPath)).body).toEqual(before.body);
      },
    );
  });

  it('lets editors manage licensees, and neither finance nor ad ops nor an advertiser', async () => {
    const keyOf = async (roles: string[], subjectId?: string) =>
      (await agency.api.post<{ secret: string }>('/v1/api-keys', { name: roles.join('+'), roles, subjectId })).body
        .secret;
    const editor = api.as({ bearer: await keyOf(['editor']) });
    const created = await editor.post<LicenseeView>(LICENSEES, licensee({ name: 'By an editor' }));
    expect(created.status).toBe(201);
    expect((await editor.post(`${LICENSEES}/${created.body.id}/client-secret`, undefined)).status).toBe(201);
    for (const other of [
      api.as({ bearer: await keyOf(['finance']) }),
      api.as({ bearer: await keyOf(['adops']) }),
      api.as({ bearer: await keyOf(['advertiser'], created.body.id) }),
    ]) {
      expect((await other.get(LICENSEES)).status).toBe(403);
      expect((await other.get(`${LICENSEES}/${created.body.id}`)).status).toBe(403);
      expect((await other.get(`${LICENSEES}/me`)).status).toBe(403);
      expect((await other.post(`${LICENSEES}/${created.body.id}/client-secret`, undefined)).status).toBe(403);
    }
  });

  it("answers 404 to another agency's licensee, and its /me finds nothing of this agency's", async () => {
    const mine = await licenseeWithKey('Mine');
    const other = await createAgency(api, suite.operatorToken);
    expect((await other.api.get(`${LICENSEES}/${mine.licensee.id}`)).status).toBe(404);
    expect((await other.api.post(`${LICENSEES}/${mine.licensee.id}/api-keys`, { name: 'x' })).status).toBe(404);
    // a key of the other agency bound to this agency's licensee id: its agency has no such licensee
    const stray = await other.api.post<{ secret: string }>('/v1/api-keys', {
      name: 'stray',
      roles: ['licensee'],
      subjectId: mine.licensee.id,
    });
    expect((await api.as({ bearer: stray.body.secret }).get(`${LICENSEES}/me`)).status).toBe(404);
  });
});
