import {
  ArticleChanged,
  ArticleChangedEvent,
  CatalogArticleSummary,
  CatalogArticleView,
  EventEnvelope,
} from '@libs/contracts';
import { eventually } from '@libs/testing';
import { createAgency, TestAgency } from './support/agencies';
import { Api, ApiResponse } from './support/api';
import { envelopeOf } from './support/finance-events';
import { JetStreamProbe } from './support/jetstream';
import { TestSuite } from './support/test-suite';

interface Problem {
  errors?: { field: string; message: string }[];
}

const ARTICLES = '/v1/paywall/articles';
const CATALOG = '/v1/licensing/catalog';

function article(overrides: Record<string, unknown> = {}) {
  return { url: 'https://tinnhanh.vn/kinh-te/bai-1', accessLevel: 'metered', ...overrides };
}

function fieldsOf(response: ApiResponse<unknown>): string[] {
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  return [...new Set(((response.body as Problem).errors ?? []).map((e) => e.field))];
}

/** An `ArticleChanged` as the paywall would publish it, at `version`; `extra` adds (or, undefined, drops) fields. */
function change(articleId: string, version: number, extra: Partial<ArticleChangedEvent> = {}): ArticleChangedEvent {
  return {
    articleId,
    siteId: null,
    url: `https://tinnhanh.vn/${articleId}`,
    section: 'the-gioi',
    tags: [],
    author: null,
    publishedAt: '2026-05-01T01:30:00.000Z',
    accessLevel: 'premium',
    lockAfterDays: null,
    freeAfterDays: null,
    headline: `Version ${version}`,
    body: `Text of version ${version}`,
    bodyUrl: null,
    language: 'vi',
    authors: [],
    rightsHolder: null,
    embargoUntil: null,
    licensable: true,
    excludedTerritories: [],
    version,
    deleted: false,
    ...extra,
  };
}

describe("licensing's catalog", () => {
  let suite: TestSuite;
  let api: Api;
  let agency: TestAgency;
  let probe: JetStreamProbe;

  const put = (articleId: string, body: object) => agency.api.put(`${ARTICLES}/${encodeURIComponent(articleId)}`, body);
  const catalogued = (articleId: string) =>
    agency.api.get<CatalogArticleView>(`${CATALOG}/${encodeURIComponent(articleId)}`);
  const inject = (articleId: string, version: number, extra: Partial<ArticleChangedEvent> = {}) =>
    probe.publish({
      ...envelopeOf(ArticleChanged, agency.tenantId, change(articleId, version, extra), new Date().toISOString()),
      subject: articleId,
    });

  /** Waits until the catalog holds the article at `version`. */
  async function atVersion(articleId: string, version: number): Promise<CatalogArticleView> {
    return eventually(async () => {
      const found = await catalogued(articleId);
      expect(found.body.version).toBe(version);
      return found.body;
    });
  }

  /**
   * Makes one more change of the agency's and waits for the catalog to take it: the consumer
   * takes the paywall's events in order, so every event published before it has been handled.
   */
  async function settle(): Promise<void> {
    const marker = `marker-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    expect((await put(marker, article())).status).toBe(200);
    await atVersion(marker, 1);
  }

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'paywall', 'licensing']);
    api = new Api(await suite.gatewayUrl());
    agency = await createAgency(api, suite.operatorToken);
    probe = await JetStreamProbe.connect(suite.nats.url);
  });

  afterAll(async () => {
    await probe?.close();
    await suite?.close();
  });

  it('follows an article the CMS gives the paywall, keeping what licensing needs and the text', async () => {
    const text = '<p>Xuất khẩu gạo tăng mạnh trong quý I.</p>';
    expect(
      (
        await put(
          'wire-1001',
          article({
            url: 'https://tinnhanh.vn/kinh-te/xuat-khau-gao',
            section: 'kinh-te',
            tags: ['gao'],
            accessLevel: 'premium',
            publishedAt: '2026-05-01T08:30:00+07:00',
            headline: 'Xuất khẩu gạo tăng mạnh',
            body: text,
            language: 'vi',
            authors: [{ name: 'Trần Thị B', contributorId: 'cms:42' }],
            rightsHolder: 'Thông tấn xã Việt Nam',
            embargoUntil: '2026-05-01T06:00:00+07:00',
            licensable: true,
            excludedTerritories: ['CN'],
          }),
        )
      ).status,
    ).toBe(200);
    expect(await atVersion('wire-1001', 1)).toEqual({
      articleId: 'wire-1001',
      siteId: null,
      url: 'https://tinnhanh.vn/kinh-te/xuat-khau-gao',
      section: 'kinh-te',
      headline: 'Xuất khẩu gạo tăng mạnh',
      hasBody: true,
      body: text,
      bodyUrl: null,
      language: 'vi',
      authors: [{ name: 'Trần Thị B', contributorId: 'cms:42' }],
      rightsHolder: 'Thông tấn xã Việt Nam',
      publishedAt: '2026-05-01T01:30:00.000Z',
      embargoUntil: '2026-04-30T23:00:00.000Z',
      licensable: true,
      excludedTerritories: ['CN'],
      version: 1,
      updatedAt: expect.any(String),
    });
    // a change in the paywall is a change in the catalog
    await put('wire-1001', article({ headline: 'Xuất khẩu gạo tăng', bodyUrl: 'https://api.tinnhanh.vn/bai/1001' }));
    expect(await atVersion('wire-1001', 2)).toMatchObject({
      headline: 'Xuất khẩu gạo tăng',
      hasBody: false,
      body: null,
      bodyUrl: 'https://api.tinnhanh.vn/bai/1001',
      licensable: false,
      excludedTerritories: [],
      authors: [],
    });
  });

  it('takes an article nobody opted in as not licensable', async () => {
    await put('plain-1', article({ headline: 'Tin ngắn' }));
    expect(await atVersion('plain-1', 1)).toMatchObject({ licensable: false, headline: 'Tin ngắn', hasBody: false });
  });

  it('keeps the newest version whatever order the versions come in', async () => {
    for (const version of [2, 1, 4, 3, 1]) await inject('wire-2001', version);
    await settle();
    expect((await catalogued('wire-2001')).body).toMatchObject({
      version: 4,
      headline: 'Version 4',
      body: 'Text of version 4',
    });
  });

  it('changes nothing for a version it already holds, even one saying otherwise', async () => {
    await inject('wire-2002', 3, { headline: 'First word' });
    await atVersion('wire-2002', 3);
    await inject('wire-2002', 3, { headline: 'Second word' });
    await inject('wire-2002', 2, { headline: 'Older word', licensable: false });
    await settle();
    expect((await catalogued('wire-2002')).body).toMatchObject({
      version: 3,
      headline: 'First word',
      licensable: true,
    });
  });

  it('reads an event stored before articles carried licensing fields as an article not licensable', async () => {
    const older = change('wire-3001', 1);
    for (const field of [
      'headline',
      'body',
      'bodyUrl',
      'language',
      'authors',
      'rightsHolder',
      'embargoUntil',
      'licensable',
      'excludedTerritories',
    ] as const)
      delete older[field];
    await probe.publish({
      ...envelopeOf(ArticleChanged, agency.tenantId, older, new Date().toISOString()),
      subject: 'wire-3001',
    });
    expect(await atVersion('wire-3001', 1)).toMatchObject({
      headline: null,
      hasBody: false,
      body: null,
      language: null,
      authors: [],
      licensable: false,
      excludedTerritories: [],
      section: 'the-gioi',
    });
  });

  it('drops a deleted article and its text, and a late older version cannot bring it back; a revival can', async () => {
    await put('wire-4001', article({ headline: 'Bài sẽ gỡ', body: 'Nội dung', licensable: true }));
    await atVersion('wire-4001', 1);
    expect((await agency.api.delete(`${ARTICLES}/wire-4001`)).status).toBe(204);
    await eventually(async () => expect((await catalogued('wire-4001')).status).toBe(404));
    await inject('wire-4001', 1, { headline: 'Late' });
    await settle();
    expect((await catalogued('wire-4001')).status).toBe(404);
    const listed = await agency.api.get<{ items: CatalogArticleSummary[] }>(`${CATALOG}?limit=200`);
    expect(listed.body.items.map((a) => a.articleId)).not.toContain('wire-4001');
    await put('wire-4001', article({ headline: 'Bài trở lại', licensable: true }));
    expect(await atVersion('wire-4001', 3)).toMatchObject({ headline: 'Bài trở lại', hasBody: false });
  });

  it('dead-letters an article change it cannot read, and keeps following', async () => {
    const bad = envelopeOf(ArticleChanged, agency.tenantId, change('wire-5001', 1), new Date().toISOString());
    await probe.publish({
      ...bad,
      subject: 'wire-5001',
      data: { ...bad.data, licensable: 'yes' },
    } as EventEnvelope<unknown>);
    await eventually(async () => {
      const letters = await probe.deadLetters('dlq.licensing.');
      expect(letters.map((m) => m.json<EventEnvelope>().id)).toContain(bad.id);
    });
    expect((await catalogued('wire-5001')).status).toBe(404);
    await settle();
  });

  describe('lists', () => {
    beforeAll(async () => {
      const items = [
        {
          articleId: 'list-a',
          headline: 'Giá vàng hôm nay tăng 100%',
          licensable: true,
          language: 'vi',
          section: 'kinh-te',
        },
        {
          articleId: 'list-b',
          headline: 'Gold price up 100% today',
          licensable: true,
          language: 'en',
          section: 'kinh-te',
        },
        { articleId: 'list-c', headline: 'Giá xăng giảm', licensable: false, language: 'vi', section: 'kinh-te' },
        { articleId: 'list-d', headline: 'Giá_vàng đứng yên', licensable: true, language: 'vi', section: 'the-thao' },
        {
          articleId: 'list-e',
          headline: 'Vàng SJC',
          licensable: true,
          language: 'vi-VN',
          section: 'kinh-te',
          body: 'x',
        },
      ].map((item) => ({ ...article({ ...item, articleId: undefined }), articleId: item.articleId }));
      expect((await agency.api.post(`${ARTICLES}/bulk`, { items })).status).toBe(200);
      await atVersion('list-e', 1);
    });

    const ids = async (query: string) => {
      const answer = await agency.api.get<{ items: CatalogArticleSummary[]; nextAfter: string | null }>(
        `${CATALOG}?${query}`,
      );
      expect(answer.status).toBe(200);
      return answer.body.items.map((a) => a.articleId).filter((id) => id.startsWith('list-'));
    };

    it.each([
      ['licensable only', 'licensable=true', ['list-a', 'list-b', 'list-d', 'list-e']],
      ['not licensable only', 'licensable=false', ['list-c']],
      ['by words of the headline, whatever their case', 'q=GIÁ', ['list-a', 'list-c', 'list-d']],
      ['a percent sign as itself', `q=${encodeURIComponent('100%')}`, ['list-a', 'list-b']],
      ['an underscore as itself', 'q=_', ['list-d']],
      ['by language, narrower tags included', 'language=vi', ['list-a', 'list-c', 'list-d', 'list-e']],
      ['by a narrower language tag, canonical or not', 'language=VI-vn', ['list-e']],
      ['by section', 'section=the-thao', ['list-d']],
      ['licensable Vietnamese in one section', 'licensable=true&language=vi&section=kinh-te', ['list-a', 'list-e']],
    ])('finds %s', async (_case, query, expected) => {
      expect(await ids(`${query}&limit=200`)).toEqual(expected);
    });

    it('leaves the texts out, saying which articles have one', async () => {
      const answer = await agency.api.get<{ items: (CatalogArticleSummary & { body?: string })[] }>(
        `${CATALOG}?section=kinh-te&licensable=true`,
      );
      expect(answer.body.items.every((item) => !('body' in item))).toBe(true);
      expect(answer.body.items.find((item) => item.articleId === 'list-e')?.hasBody).toBe(true);
      expect(answer.body.items.find((item) => item.articleId === 'list-a')?.hasBody).toBe(false);
    });

    it('pages by article id', async () => {
      const pages: string[][] = [];
      let after: string | null = 'list-';
      do {
        const page: ApiResponse<{ items: CatalogArticleSummary[]; nextAfter: string | null }> = await agency.api.get(
          `${CATALOG}?licensable=true&limit=2&after=${after}`,
        );
        pages.push(page.body.items.map((a) => a.articleId));
        after = page.body.nextAfter;
      } while (after?.startsWith('list-'));
      expect(pages.slice(0, 2)).toEqual([
        ['list-a', 'list-b'],
        ['list-d', 'list-e'],
      ]);
    });

    it.each([
      ['licensable=yes', 'licensable'],
      ['language=vi_VN', 'language'],
      ['limit=201', 'limit'],
      ['limit=0', 'limit'],
      [`q=${'x'.repeat(201)}`, 'q'],
      ['after=two%20words', 'after'],
      ['owner=me', 'owner'],
    ])('refuses a list query with %s, naming the parameter', async (query, field) => {
      expect(fieldsOf(await agency.api.get(`${CATALOG}?${query}`))).toEqual([field]);
    });
  });

  it('answers 404 to an article it does not hold and 400 naming articleId to one no CMS id can be', async () => {
    expect((await catalogued('never-heard-of')).status).toBe(404);
    expect(fieldsOf(await agency.api.get(`${CATALOG}/${encodeURIComponent('two words')}`))).toEqual(['articleId']);
  });

  it("keeps each agency's catalog its own", async () => {
    const other = await createAgency(api, suite.operatorToken);
    expect((await other.api.get(`${CATALOG}/wire-1001`)).status).toBe(404);
    await other.api.put(`${ARTICLES}/wire-1001`, article({ headline: 'Theirs' }));
    await eventually(async () =>
      expect((await other.api.get<CatalogArticleView>(`${CATALOG}/wire-1001`)).body.headline).toBe('Theirs'),
    );
    expect((await catalogued('wire-1001')).body).toMatchObject({ version: 2, headline: 'Xuất khẩu gạo tăng' });
  });

  it('shows the catalog to editors, and neither to finance nor to a licensee', async () => {
    const keyOf = async (roles: string[], subjectId?: string) =>
      (await agency.api.post<{ secret: string }>('/v1/api-keys', { name: roles.join('+'), roles, subjectId })).body
        .secret;
    const editor = api.as({ bearer: await keyOf(['editor']) });
    expect((await editor.get(`${CATALOG}/wire-1001`)).status).toBe(200);
    for (const other of [
      api.as({ bearer: await keyOf(['finance']) }),
      api.as({ bearer: await keyOf(['licensee'], '00000000-0000-4000-8000-000000000000') }),
    ]) {
      expect((await other.get(CATALOG)).status).toBe(403);
      expect((await other.get(`${CATALOG}/wire-1001`)).status).toBe(403);
    }
  });
});
