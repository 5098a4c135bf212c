import { DataSource } from 'typeorm';
import { ArticleChanged, ArticleChangedEvent, EventEnvelope } from '@libs/contracts';
import { eventually } from '@libs/testing';
import { ArticleRepository } from '../apps/paywall/src/articles/article.repository';
import { createAgency, TestAgency } from './support/agencies';
import { Api, ApiResponse } from './support/api';
import { JetStreamProbe } from './support/jetstream';
import { TestSuite } from './support/test-suite';

interface ArticleView {
  articleId: string;
  url: string;
  section: string | null;
  tags: string[];
  accessLevel: string;
  publishedAt: string | null;
  version: number;
}

interface Problem {
  status: number;
  errors?: { field: string; message: string }[];
}

const ARTICLES = '/v1/paywall/articles';

function article(overrides: Record<string, unknown> = {}) {
  return { url: 'https://tinnhanh.vn/kinh-te/bai-1', accessLevel: 'metered', ...overrides };
}

/** What licensing follows of an article the CMS said nothing about: none of it, not licensable. */
const NO_LICENSING_FIELDS = {
  headline: null,
  bodyUrl: null,
  language: null,
  authors: [],
  rightsHolder: null,
  embargoUntil: null,
  licensable: false,
  excludedTerritories: [],
};

function fieldsOf(response: ApiResponse<unknown>): string[] {
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  return [...new Set(((response.body as Problem).errors ?? []).map((e) => e.field))];
}

describe('article access metadata', () => {
  let suite: TestSuite;
  let api: Api;
  let agency: TestAgency;
  let probe: JetStreamProbe;

  const put = (articleId: string, body: object) =>
    agency.api.put<ArticleView>(`${ARTICLES}/${encodeURIComponent(articleId)}`, body);
  const bulk = (items: object[]) =>
    agency.api.post<{ created: number; updated: number; unchanged: number }>(`${ARTICLES}/bulk`, { items });

  async function changes(owner: TestAgency, articleIds?: string[]): Promise<EventEnvelope<ArticleChangedEvent>[]> {
    const wanted = articleIds && new Set(articleIds);
    return (await probe.published<ArticleChangedEvent>(ArticleChanged.subject)).filter(
      (e) => e.tenantId === owner.tenantId && (!wanted || wanted.has(e.subject)),
    );
  }

  /**
   * Makes one more change and waits for its event: the relay publishes the outbox in order, so
   * once that event is out, every event written before it is out too, and any other is absent.
   */
  async function settle(): Promise<void> {
    const marker = `marker-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    expect((await put(marker, article())).status).toBe(200);
    await eventually(async () => expect((await changes(agency, [marker])).length).toBe(1));
  }

  beforeAll(async () => {
    suite = await TestSuite.start(['gateway', 'paywall']);
    api = new Api(await suite.gatewayUrl());
    agency = await createAgency(api, suite.operatorToken);
    probe = await JetStreamProbe.connect(suite.nats.url);
  });

  afterAll(async () => {
    await probe?.close();
    await suite?.close();
  });

  it('creates an article at version 1 and publishes its whole state', async () => {
    const body = {
      siteId: null,
      url: 'https://tinnhanh.vn/the-thao/chung-ket',
      section: 'the-thao',
      tags: ['bong-da', 'v-league'],
      author: 'Nguyễn Văn A',
      publishedAt: '2026-05-01T08:30:00+07:00',
      accessLevel: 'free',
      lockAfterDays: 30,
      freeAfterDays: null,
    };
    const created = await put('story-1001', body);
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      ...body,
      ...NO_LICENSING_FIELDS,
      articleId: 'story-1001',
      publishedAt: '2026-05-01T01:30:00.000Z',
      bodyBytes: null,
      version: 1,
      updatedAt: expect.any(String),
    });
    expect((await agency.api.get(`${ARTICLES}/story-1001`)).body).toEqual(created.body);
    const [event] = await eventually(async () => {
      const found = await changes(agency, ['story-1001']);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(event).toMatchObject({
      type: 'evt.paywall.article.changed.v1',
      source: 'paywall',
      subject: 'story-1001',
      tenantId: agency.tenantId,
    });
    expect(event.data).toEqual({
      articleId: 'story-1001',
      siteId: null,
      url: body.url,
      section: 'the-thao',
      tags: ['bong-da', 'v-league'],
      author: 'Nguyễn Văn A',
      publishedAt: '2026-05-01T01:30:00.000Z',
      accessLevel: 'free',
      lockAfterDays: 30,
      freeAfterDays: null,
      ...NO_LICENSING_FIELDS,
      body: null,
      version: 1,
      deleted: false,
    });
  });

  it('keeps what licensing needs, answers the size of the text but publishes the text itself', async () => {
    const text = '<p>Ngân hàng Nhà nước giữ nguyên lãi suất điều hành.</p>';
    const body = article({
      headline: 'Lãi suất điều hành giữ nguyên',
      body: text,
      language: 'VI-vn',
      authors: [{ name: 'Trần Thị B', contributorId: 'cms-user:42' }, { name: 'Lê C' }],
      rightsHolder: 'Thông tấn xã Việt Nam',
      embargoUntil: '2026-06-01T07:00:00+07:00',
      licensable: true,
      excludedTerritories: ['CN', 'US'],
    });
    const created = await put('story-1100', body);
    expect(created.status).toBe(200);
    const licensing = {
      headline: 'Lãi suất điều hành giữ nguyên',
      bodyUrl: null,
      language: 'vi-VN',
      authors: [
        { name: 'Trần Thị B', contributorId: 'cms-user:42' },
        { name: 'Lê C', contributorId: null },
      ],
      rightsHolder: 'Thông tấn xã Việt Nam',
      embargoUntil: '2026-06-01T00:00:00.000Z',
      licensable: true,
      excludedTerritories: ['CN', 'US'],
    };
    expect(created.body).toMatchObject({ ...licensing, bodyBytes: Buffer.byteLength(text), version: 1 });
    expect(created.body).not.toHaveProperty('body');
    const [event] = await eventually(async () => {
      const found = await changes(agency, ['story-1100']);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(event.data).toMatchObject({ ...licensing, body: text });
    // the same again, language as canonical or not: the same article, no new version
    expect((await put('story-1100', { ...body, language: 'vi-VN' })).body.version).toBe(1);
    const byUrl = await put('story-1100', { ...body, body: null, bodyUrl: 'https://api.tinnhanh.vn/bai/1100' });
    expect(byUrl.body).toMatchObject({ version: 2, bodyBytes: null, bodyUrl: 'https://api.tinnhanh.vn/bai/1100' });
  });

  it('keeps the version and publishes nothing for the same metadata, and moves to version 2 on a change', async () => {
    const body = article({ section: 'kinh-te', tags: ['lai-suat'], publishedAt: '2026-05-02T10:00:00+07:00' });
    expect((await put('story-1002', body)).body.version).toBe(1);
    const again = await put('story-1002', { ...body, publishedAt: '2026-05-02T03:00:00Z' });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(1);
    const changed = await put('story-1002', { ...body, accessLevel: 'premium' });
    expect(changed.body).toMatchObject({ version: 2, accessLevel: 'premium' });
    await eventually(async () => {
      expect((await changes(agency, ['story-1002'])).map((e) => [e.data.version, e.data.accessLevel])).toEqual([
        [1, 'metered'],
        [2, 'premium'],
      ]);
    });
  });

  it('replaces the whole article: a field left out becomes empty', async () => {
    await put('story-1003', article({ section: 'giao-duc', tags: ['thi-cu'], author: 'B', lockAfterDays: 7 }));
    const replaced = await put('story-1003', article());
    expect(replaced.body).toMatchObject({ version: 2, section: null, tags: [], author: null, lockAfterDays: null });
  });

  it('upserts 300 articles in one batch, counting what was created, changed and left as it was, and publishes only the changes', async () => {
    const ids = Array.from({ length: 300 }, (_, i) => `bulk-${String(i).padStart(3, '0')}`);
    const first = ids.slice(0, 100).map((articleId) => ({ articleId, ...article({ section: 'bulk' }) }));
    expect((await bulk(first)).body).toEqual({ created: 100, updated: 0, unchanged: 0 });
    const second = ids.map((articleId, i) => ({
      articleId,
      ...article({ section: 'bulk', accessLevel: i < 50 ? 'premium' : 'metered' }),
    }));
    const answer = await bulk(second);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ created: 200, updated: 50, unchanged: 50 });
    expect((await agency.api.get<ArticleView>(`${ARTICLES}/bulk-000`)).body).toMatchObject({
      version: 2,
      accessLevel: 'premium',
    });
    expect((await agency.api.get<ArticleView>(`${ARTICLES}/bulk-050`)).body).toMatchObject({
      version: 1,
      accessLevel: 'metered',
    });
    await settle();
    const published = await changes(agency, ids);
    const perArticle = new Map<string, number[]>();
    for (const e of published) perArticle.set(e.subject, [...(perArticle.get(e.subject) ?? []), e.data.version]);
    expect(ids.map((id) => perArticle.get(id))).toEqual(ids.map((_, i) => (i < 50 ? [1, 2] : [1])));
  });

  it('refuses a batch with one invalid item with 400 naming items[N].field, and writes nothing', async () => {
    const items = Array.from({ length: 5 }, (_, i) => ({
      articleId: `bad-batch-${i}`,
      ...article({ section: 'bad-batch' }),
    }));
    items[3] = { ...items[3], accessLevel: 'gold' };
    expect(fieldsOf(await bulk(items))).toEqual(['items[3].accessLevel']);
    const oversized = items.map((item, i) =>
      i === 3 ? { ...item, accessLevel: 'free', tags: ['x'.repeat(101)] } : item,
    );
    expect(fieldsOf(await bulk(oversized))).toEqual(['items[3].tags']);
    const unknownField = items.map((item, i) => (i === 3 ? { ...item, accessLevel: 'free', paywall: 'off' } : item));
    expect(fieldsOf(await bulk(unknownField))).toEqual(['items[3].paywall']);
    expect((await agency.api.get<{ items: unknown[] }>(`${ARTICLES}?section=bad-batch`)).body.items).toEqual([]);
    expect((await agency.api.get(`${ARTICLES}/bad-batch-0`)).status).toBe(404);
  });

  it('refuses a batch that gives one article id twice, naming the second, and writes nothing', async () => {
    const items = ['dup-a', 'dup-b', 'dup-a'].map((articleId) => ({ articleId, ...article({ section: 'dup' }) }));
    const refused = await bulk(items);
    expect(fieldsOf(refused)).toEqual(['items[2].articleId']);
    expect((await agency.api.get<{ items: unknown[] }>(`${ARTICLES}?section=dup`)).body.items).toEqual([]);
  });

  it('refuses the article ids . and .., which no URL path can carry', async () => {
    expect(
      fieldsOf(
        await bulk([
          { articleId: '.', ...article() },
          { articleId: '..', ...article() },
        ]),
      ),
    ).toEqual(['items[0].articleId', 'items[1].articleId']);
  });

  it('refuses an empty batch and one of more than 500 items', async () => {
    expect(fieldsOf(await bulk([]))).toEqual(['items']);
    const tooMany = Array.from({ length: 501 }, (_, i) => ({ articleId: `many-${i}`, ...article() }));
    expect(fieldsOf(await bulk(tooMany))).toEqual(['items']);
    expect((await agency.api.get(`${ARTICLES}/many-0`)).status).toBe(404);
  });

  it.each([
    ['a url over 2048 characters', { url: `https://tinnhanh.vn/${'a'.repeat(2040)}` }, 'url'],
    ['a url that is not http(s)', { url: 'ftp://tinnhanh.vn/bai' }, 'url'],
    ['more than 50 tags', { tags: Array.from({ length: 51 }, (_, i) => `tag-${i}`) }, 'tags'],
    ['a tag over 100 characters', { tags: ['x'.repeat(101)] }, 'tags'],
    ['a section over 100 characters', { section: 'x'.repeat(101) }, 'section'],
    ['an author over 200 characters', { author: 'x'.repeat(201) }, 'author'],
    ['an unknown access level', { accessLevel: 'gold' }, 'accessLevel'],
    ['a publication time without a zone', { publishedAt: '2026-05-01T08:30:00' }, 'publishedAt'],
    ['a publication time in year 0', { publishedAt: '0000-06-01T00:00:00Z' }, 'publishedAt'],
    ['a lock after zero days', { lockAfterDays: 0 }, 'lockAfterDays'],
    ['free after a fraction of a day', { freeAfterDays: 1.5 }, 'freeAfterDays'],
    ['a site id that is not a uuid', { siteId: 'main' }, 'siteId'],
    ['the article id in the body', { articleId: 'other' }, 'articleId'],
    ['a headline over 500 characters', { headline: 'x'.repeat(501) }, 'headline'],
    ['a text over 100,000 bytes (33,334 characters of 3 bytes)', { body: 'ế'.repeat(33_334) }, 'body'],
    ['a text and a text URL', { body: 'Bài viết', bodyUrl: 'https://api.tinnhanh.vn/bai/1' }, 'bodyUrl'],
    ['a text URL that is not http(s)', { bodyUrl: 'file:///bai/1' }, 'bodyUrl'],
    ['a language that is no BCP 47 tag', { language: 'vi_VN' }, 'language'],
    ['a language named in words', { language: 'tiếng Việt' }, 'language'],
    ['an author without a name', { authors: [{ contributorId: 'c-1' }] }, 'authors[0].name'],
    ['an author with an unknown field', { authors: [{ name: 'A', email: 'a@b.vn' }] }, 'authors[0].email'],
    ['a contributor id with a space', { authors: [{ name: 'A', contributorId: 'c 1' }] }, 'authors[0].contributorId'],
    ['a rights holder over 200 characters', { rightsHolder: 'x'.repeat(201) }, 'rightsHolder'],
    ['an embargo without a zone', { embargoUntil: '2026-06-01T07:00:00' }, 'embargoUntil'],
    ['licensable as a word', { licensable: 'yes' }, 'licensable'],
    ['a territory that is no ISO 3166 code', { excludedTerritories: ['VN', 'XX'] }, 'excludedTerritories'],
    ['a reserved code for a territory', { excludedTerritories: ['UK'] }, 'excludedTerritories'],
    ['a lower-case territory', { excludedTerritories: ['vn'] }, 'excludedTerritories'],
    ['a territory given twice', { excludedTerritories: ['VN', 'VN'] }, 'excludedTerritories'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_case, overrides, field) => {
    expect(fieldsOf(await put('refused-1', article(overrides)))).toEqual([field]);
    expect((await agency.api.get(`${ARTICLES}/refused-1`)).status).toBe(404);
  });

  it.each([
    ['a space', 'two words'],
    ['a letter outside ASCII', 'bài-viết'],
    ['more than 200 characters', 'x'.repeat(201)],
    ['200 characters, each percent-encoded, and one more', `${'/'.repeat(200)}x`],
    ['a percent sign', '50%'],
  ])('refuses an article id in the path with %s, naming articleId', async (_case, articleId) => {
    const path = `${ARTICLES}/${encodeURIComponent(articleId)}`;
    expect(fieldsOf(await agency.api.put(path, article()))).toEqual(['articleId']);
    expect(fieldsOf(await agency.api.get(path))).toEqual(['articleId']);
    expect(fieldsOf(await agency.api.delete(path))).toEqual(['articleId']);
  });

  it('takes article ids with slashes and colons, percent-encoded in the path', async () => {
    const created = await put('2026/05/01:story.42', article());
    expect(created.body).toMatchObject({ articleId: '2026/05/01:story.42', version: 1 });
    expect((await agency.api.get(`${ARTICLES}/2026%2F05%2F01%3Astory.42`)).body).toMatchObject({
      articleId: '2026/05/01:story.42',
    });
  });

  it('takes an article id of 200 characters, even when every one is percent-encoded', async () => {
    const longest = `${':/'.repeat(99)}ab`;
    expect((await put(longest, article())).body).toMatchObject({ articleId: longest, version: 1 });
    expect((await agency.api.get(`${ARTICLES}/${encodeURIComponent(longest)}`)).body).toMatchObject({
      articleId: longest,
    });
    expect((await agency.api.delete(`${ARTICLES}/${encodeURIComponent(longest)}`)).status).toBe(204);
  });

  it('deletes softly: 404 afterwards, an event with deleted true, and a later upsert revives it with a higher version', async () => {
    const body = article({ section: 'deleted', accessLevel: 'premium', freeAfterDays: 365 });
    await put('story-2001', body);
    const deleted = await agency.api.delete(`${ARTICLES}/story-2001`);
    expect(deleted.status).toBe(204);
    expect((await agency.api.get(`${ARTICLES}/story-2001`)).status).toBe(404);
    expect((await agency.api.delete(`${ARTICLES}/story-2001`)).status).toBe(404);
    expect((await agency.api.get<{ items: unknown[] }>(`${ARTICLES}?section=deleted`)).body.items).toEqual([]);
    const revived = await put('story-2001', body);
    expect(revived.body).toMatchObject({ version: 3, accessLevel: 'premium' });
    await eventually(async () => {
      expect(
        (await changes(agency, ['story-2001'])).map((e) => [
          e.data.version,
          e.data.deleted,
          e.data.accessLevel,
          e.data.freeAfterDays,
        ]),
      ).toEqual([
        [1, false, 'premium', 365],
        [2, true, 'premium', 365],
        [3, false, 'premium', 365],
      ]);
    });
  });

  it('counts a deleted article given again in a batch as updated', async () => {
    await put('story-2002', article());
    await agency.api.delete(`${ARTICLES}/story-2002`);
    expect((await bulk([{ articleId: 'story-2002', ...article() }])).body).toEqual({
      created: 0,
      updated: 1,
      unchanged: 0,
    });
    expect((await agency.api.get(`${ARTICLES}/story-2002`)).body).toMatchObject({ version: 3 });
  });

  it('audits every real change by who made it: created, changed, deleted, revived, and a bulk push as one record', async () => {
    interface AuditItem {
      service: string;
      action: string;
      targetId: string;
      actor: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
    }
    const audited = async () =>
      (await agency.api.get<{ items: AuditItem[] }>('/v1/audit-log?limit=500')).body.items.filter(
        (entry) =>
          entry.service === 'paywall' &&
          (entry.targetId === 'story-3001' || JSON.stringify(entry.after ?? {}).includes('story-3002')),
      );
    await put('story-3001', article({ section: 'audit' }));
    await put('story-3001', article({ section: 'audit' }));
    await put('story-3001', article({ section: 'audit', accessLevel: 'premium' }));
    await agency.api.delete(`${ARTICLES}/story-3001`);
    await put('story-3001', article({ section: 'audit' }));
    await bulk([
      { articleId: 'story-3001', ...article({ section: 'audit' }) },
      { articleId: 'story-3002', ...article() },
    ]);
    await eventually(async () => {
      const entries = (await audited()).reverse();
      expect(entries.map((e) => [e.action, e.targetId])).toEqual([
        ['article.created', 'story-3001'],
        ['article.changed', 'story-3001'],
        ['article.deleted', 'story-3001'],
        ['article.revived', 'story-3001'],
        ['articles.bulk-upserted', agency.tenantId],
      ]);
      expect(entries[1]).toMatchObject({
        before: { accessLevel: 'metered', version: 1 },
        after: { accessLevel: 'premium', version: 2 },
      });
      expect(entries[2]).toMatchObject({ before: { version: 3 }, after: null });
      expect(entries[4].after).toEqual({ created: ['story-3002'], updated: [] });
      expect(new Set(entries.map((e) => e.actor)).size).toBe(1);
    });
  });

  it('answers 404 to an article it never heard of', async () => {
    expect((await agency.api.get(`${ARTICLES}/never-heard-of`)).status).toBe(404);
    expect((await agency.api.delete(`${ARTICLES}/never-heard-of`)).status).toBe(404);
  });

  it('lists live articles by id, filtered by section and access level, a page at a time', async () => {
    const levels = ['premium', 'free', 'premium', 'metered', 'premium', 'premium', 'premium'];
    const items = levels.map((accessLevel, i) => ({
      articleId: `list-${i}`,
      ...article({ section: 'list', accessLevel }),
    }));
    await bulk([
      ...items,
      { articleId: 'list-other-section', ...article({ section: 'elsewhere', accessLevel: 'premium' }) },
    ]);
    await agency.api.delete(`${ARTICLES}/list-4`);
    const pages: string[][] = [];
    let after: string | null = null;
    do {
      const query: string = `section=list&accessLevel=premium&limit=2${after ? `&after=${encodeURIComponent(after)}` : ''}`;
      const page: ApiResponse<{ items: ArticleView[]; nextAfter: string | null }> = await agency.api.get(
        `${ARTICLES}?${query}`,
      );
      expect(page.status).toBe(200);
      pages.push(page.body.items.map((a) => a.articleId));
      after = page.body.nextAfter;
    } while (after);
    expect(pages).toEqual([
      ['list-0', 'list-2'],
      ['list-5', 'list-6'],
    ]);
    const all = await agency.api.get<{ items: ArticleView[] }>(`${ARTICLES}?section=list`);
    expect(all.body.items.map((a) => a.articleId)).toEqual([
      'list-0',
      'list-1',
      'list-2',
      'list-3',
      'list-5',
      'list-6',
    ]);
  });

  it.each([
    ['limit=201', 'limit'],
    ['limit=0', 'limit'],
    ['limit=ten', 'limit'],
    ['accessLevel=gold', 'accessLevel'],
    ['after=two%20words', 'after'],
  ])('refuses a list query with %s, naming the parameter', async (query, field) => {
    expect(fieldsOf(await agency.api.get(`${ARTICLES}?${query}`))).toEqual([field]);
  });

  it("keeps each agency's article ids its own", async () => {
    const other = await createAgency(api, suite.operatorToken);
    await put('shared-id', article({ section: 'mine' }));
    expect((await other.api.get(`${ARTICLES}/shared-id`)).status).toBe(404);
    expect((await other.api.delete(`${ARTICLES}/shared-id`)).status).toBe(404);
    const theirs = await other.api.put<ArticleView>(`${ARTICLES}/shared-id`, article({ section: 'theirs' }));
    expect(theirs.body).toMatchObject({ version: 1, section: 'theirs' });
    expect((await agency.api.get(`${ARTICLES}/shared-id`)).body).toMatchObject({ version: 1, section: 'mine' });
  });

  it('lets editors manage articles, and no other role', async () => {
    const editor = await agency.api.post<{ secret: string }>('/v1/api-keys', { name: 'cms', roles: ['editor'] });
    const finance = await agency.api.post<{ secret: string }>('/v1/api-keys', { name: 'books', roles: ['finance'] });
    expect((await api.as({ bearer: editor.body.secret }).put(`${ARTICLES}/by-editor`, article())).status).toBe(200);
    expect((await api.as({ bearer: finance.body.secret }).put(`${ARTICLES}/by-finance`, article())).status).toBe(403);
    expect((await api.as({ bearer: finance.body.secret }).get(`${ARTICLES}/by-editor`)).status).toBe(403);
    expect((await agency.api.get(`${ARTICLES}/by-finance`)).status).toBe(404);
  });

  it('hands the decision engine every live article of every agency, ordered by agency and article id', async () => {
    expect((await put('story-4001', article({ body: 'Nội dung' }))).status).toBe(200);
    const paywall = suite.instances('paywall')[0];
    const rows = await paywall.get(ArticleRepository).findAllLive(paywall.get(DataSource).manager);
    const keys = rows.map((r) => `${r.tenantId} ${r.articleId}`);
    expect(keys).toEqual([...keys].sort());
    const ours = rows.filter((r) => r.tenantId === agency.tenantId);
    expect(ours.map((r) => r.articleId)).toEqual(expect.arrayContaining(['story-1001', 'story-2001', 'bulk-299']));
    expect(ours.map((r) => r.articleId)).not.toContain('list-4');
    expect(ours.find((r) => r.articleId === 'story-1001')).toMatchObject({
      url: 'https://tinnhanh.vn/the-thao/chung-ket',
      tags: ['bong-da', 'v-league'],
      accessLevel: 'free',
      lockAfterDays: 30,
      version: 1,
      publishedAt: new Date('2026-05-01T01:30:00.000Z'),
      deletedAt: null,
    });
    // the texts stay in the database: the decision engine never holds them
    expect(ours.find((r) => r.articleId === 'story-4001')).toMatchObject({ bodyBytes: Buffer.byteLength('Nội dung') });
    expect(rows.filter((r) => 'body' in r)).toEqual([]);
  });
});
