import { eventually } from '@libs/testing';
import { createAgency, TestAgency } from './support/agencies';
import { Api } from './support/api';
import { TestSuite } from './support/test-suite';

interface Offer {
  id: string;
  name: string;
  status: 'draft' | 'published';
  publishedRevision: number | null;
  draftVersion: number;
  hasUnpublishedChanges: boolean;
  policy: Record<string, unknown>;
}
interface Revision {
  offerId: string;
  revision: number;
  name: string;
  policyUid: string;
  policy: Record<string, unknown>;
}
interface Problem {
  status: number;
  errors?: { field: string; message: string }[];
}

const CONTEXT = ['http://www.w3.org/ns/odrl.jsonld', 'https://revenue-suite.dev/ns/odrl.jsonld'];
const PROFILE = 'https://revenue-suite.dev/ns/odrl/profile';
const LD = { 'content-type': 'application/ld+json' };
const ACCEPT_LD = { accept: 'application/ld+json' };

describe('licence offers as ODRL policies', () => {
  let suite: TestSuite;
  let agency: TestAgency;
  let catalog: string;

  /** An Offer of display and reproduce on the whole catalog for a fee per article, in VND. */
  const syndication = (action: unknown = ['display', 'reproduce']) => ({
    '@context': CONTEXT,
    '@type': 'Offer',
    profile: PROFILE,
    permission: [
      {
        target: catalog,
        action,
        constraint: [{ leftOperand: 'spatial', operator: 'isAnyOf', rightOperand: ['VN', 'LA'] }],
        duty: [
          {
            action: [
              {
                'rdf:value': { '@id': 'odrl:compensate' },
                refinement: [
                  { leftOperand: 'payAmount', operator: 'eq', rightOperand: '20000', unit: 'rev:currency/VND' },
                  { leftOperand: 'unitOfCount', operator: 'eq', rightOperand: { '@id': 'rev:article' } },
                ],
              },
            ],
          },
          { action: 'linkBack' },
        ],
      },
    ],
    prohibition: [{ target: catalog, action: 'aiTrain' }],
    conflict: 'prohibit',
  });

  const offers = async () => (await agency.api.get<{ items: Offer[] }>('/v1/licensing/licence-offers')).body.items;
  const audit = async () =>
    (await agency.api.get<{ items: { action: string; targetId: string }[] }>('/v1/audit-log?limit=500')).body.items;

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'licensing']);
    const api = new Api(await suite.gatewayUrl());
    agency = await createAgency(api, suite.operatorToken, { defaultCurrency: 'VND' });
    await eventually(async () => expect((await offers()).length).toBe(5));
    catalog = `https://revenue-suite.dev/agencies/${agency.tenantId}/catalog`;
  });

  afterAll(() => suite?.close());

  it('starts a new agency with ODRL offers: AI uses reserved and search indexing published, syndication a draft', async () => {
    const all = await offers();
    expect(all.map((o) => [o.name, o.status])).toEqual([
      ['AI answers (grounding) reserved', 'published'],
      ['AI training and text and data mining reserved', 'published'],
      ['Archive access', 'draft'],
      ['Search indexing with a link back', 'published'],
      ['Syndication to other outlets', 'draft'],
    ]);
    const training = all.find((o) => o.name.startsWith('AI training'))!;
    const revision = await agency.api.get<Record<string, unknown>>(
      `/v1/licensing/licence-offers/${training.id}/revisions/1`,
      ACCEPT_LD,
    );
    expect(revision.status).toBe(200);
    expect(revision.headers.get('content-type')).toContain('application/ld+json');
    expect(revision.body).toMatchObject({
      '@type': 'Offer',
      uid: `https://revenue-suite.dev/agencies/${agency.tenantId}/licence-offers/${training.id}/revisions/1`,
      assigner: `https://revenue-suite.dev/agencies/${agency.tenantId}`,
      target: catalog,
      prohibition: [{ action: 'textAndDataMining' }],
    });
  });

  it('creates a draft from JSON, naming it and its assigner', async () => {
    const created = await agency.api.post<Offer>('/v1/licensing/licence-offers', {
      name: 'Syndication in Indochina',
      policy: syndication(),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      publishedRevision: null,
      draftVersion: 1,
      hasUnpublishedChanges: true,
    });
    expect(created.body.policy).toMatchObject({
      uid: `https://revenue-suite.dev/agencies/${agency.tenantId}/licence-offers/${created.body.id}`,
      assigner: `https://revenue-suite.dev/agencies/${agency.tenantId}`,
    });
    await eventually(async () =>
      expect((await audit()).find((e) => e.targetId === created.body.id)?.action).toBe('licence-offer.created'),
    );
  });

  it('creates a draft from JSON-LD, named by its dct:title, and answers its policy as JSON-LD', async () => {
    const created = await agency.api.post<Offer>(
      '/v1/licensing/licence-offers',
      { ...syndication('display'), 'dct:title': 'Display only' },
      LD,
    );
    expect(created.status).toBe(201);
    expect(created.body.name).toBe('Display only');
    const document = await agency.api.get<Record<string, unknown>>(
      `/v1/licensing/licence-offers/${created.body.id}`,
      ACCEPT_LD,
    );
    expect(document.headers.get('content-type')).toContain('application/ld+json');
    expect(document.body).toMatchObject({
      '@type': 'Offer',
      'dct:title': 'Display only',
      permission: [{ action: 'display' }],
    });
  });

  it.each<[string, () => unknown, Record<string, string> | undefined, string]>([
    [
      'an unknown action',
      () => ({ name: 'Bad', policy: syndication('dance') }),
      undefined,
      'policy.permission[0].action',
    ],
    [
      'an unknown operator',
      () => ({
        name: 'Bad',
        policy: {
          ...syndication(),
          permission: [
            {
              target: catalog,
              action: 'display',
              constraint: [{ leftOperand: 'spatial', operator: 'near', rightOperand: 'VN' }],
            },
          ],
        },
      }),
      undefined,
      'policy.permission[0].constraint[0].operator',
    ],
    [
      'an unknown left operand, as JSON-LD',
      () => ({
        ...syndication(),
        'dct:title': 'Bad',
        permission: [
          {
            target: catalog,
            action: 'display',
            constraint: [{ leftOperand: 'mood', operator: 'eq', rightOperand: 'calm' }],
          },
        ],
      }),
      LD,
      'permission[0].constraint[0].leftOperand',
    ],
    ['a JSON-LD policy without a title', () => syndication(), LD, 'dct:title'],
    [
      'a policy that is not an Offer',
      () => ({ name: 'Bad', policy: { ...syndication(), '@type': 'Set' } }),
      undefined,
      'policy.@type',
    ],
    [
      "content that is not the agency's",
      () => ({
        name: 'Bad',
        policy: { ...syndication(), permission: [{ target: 'https://example.com/other', action: 'display' }] },
      }),
      undefined,
      'policy.permission[0].target',
    ],
    [
      'an amount VND cannot hold',
      () => ({
        name: 'Bad',
        policy: syndication([
          {
            'rdf:value': { '@id': 'odrl:compensate' },
            refinement: [{ leftOperand: 'payAmount', operator: 'eq', rightOperand: '1.5', unit: 'rev:currency/VND' }],
          },
        ]),
      }),
      undefined,
      'policy.permission[0].action[0].refinement[0].rightOperand',
    ],
    [
      'an unknown field beside the policy',
      () => ({ name: 'Bad', policy: syndication(), stance: 'permit' }),
      undefined,
      'stance',
    ],
  ])('refuses %s with 400 naming it, and writes nothing', async (_case, body, headers, field) => {
    const before = await offers();
    const refused = await agency.api.post<Problem>('/v1/licensing/licence-offers', body(), headers);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.errors?.map((e) => e.field)).toContain(field);
    expect(await offers()).toEqual(before);
  });

  it('edits the draft and publishes immutable revisions', async () => {
    const created = (
      await agency.api.post<Offer>('/v1/licensing/licence-offers', { name: 'Wire', policy: syndication() })
    ).body;
    const path = `/v1/licensing/licence-offers/${created.id}`;

    const published = await agency.api.post<Revision>(`${path}/publish`, { basedOnDraftVersion: 1 });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({
      offerId: created.id,
      revision: 1,
      policyUid: `${created.policy.uid as string}/revisions/1`,
    });
    expect((await agency.api.post<Problem>(`${path}/publish`, {})).status).toBe(409);

    expect((await agency.api.put(path, { name: 'Wire (stale)', basedOnDraftVersion: 7 })).status).toBe(409);
    const edited = await agency.api.put<Offer>(path, { policy: syndication('display'), basedOnDraftVersion: 1 });
    expect(edited.body).toMatchObject({
      name: 'Wire',
      draftVersion: 2,
      status: 'published',
      publishedRevision: 1,
      hasUnpublishedChanges: true,
    });
    const asLd = await agency.api.put<Offer>(
      path,
      { ...syndication('reproduce'), 'dct:title': 'Wire 2' },
      { ...LD, 'if-match': '"2"' },
    );
    expect(asLd.body).toMatchObject({ name: 'Wire 2', draftVersion: 3 });
    expect((await agency.api.put<Problem>(path, syndication(), { ...LD, 'if-match': '"2"' })).status).toBe(409);

    const second = await agency.api.post<Revision>(`${path}/publish`, {});
    expect(second.body.revision).toBe(2);
    const list = await agency.api.get<{ items: Revision[] }>(`${path}/revisions`);
    expect(list.body.items.map((r) => [r.revision, r.name])).toEqual([
      [2, 'Wire 2'],
      [1, 'Wire'],
    ]);
    const first = await agency.api.get<Revision>(`${path}/revisions/1`);
    expect(first.body.policy).toEqual(published.body.policy);
    expect((await agency.api.get(`${path}/revisions/3`)).status).toBe(404);
    await eventually(async () =>
      expect((await audit()).filter((e) => e.targetId === created.id).map((e) => e.action)).toEqual(
        expect.arrayContaining(['licence-offer.created', 'licence-offer.published', 'licence-offer.updated']),
      ),
    );
  });

  it('lets editors and the licensing desk manage offers, and no one else', async () => {
    const keyFor = async (role: string) => {
      const key = await agency.api.post<{ secret: string }>('/v1/api-keys', { name: role, roles: [role] });
      return agency.api.as({ bearer: key.body.secret });
    };
    for (const role of ['editor', 'licensing']) {
      const created = await (
        await keyFor(role)
      ).post('/v1/licensing/licence-offers', { name: `By ${role}`, policy: syndication() });
      expect({ role, status: created.status }).toEqual({ role, status: 201 });
    }
    for (const role of ['adops', 'finance']) {
      const refused = await (await keyFor(role)).get('/v1/licensing/licence-offers');
      expect({ role, status: refused.status }).toEqual({ role, status: 403 });
    }
  });
});
