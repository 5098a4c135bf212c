import { Client } from 'pg';
import { EntitlementChangedEvent } from '@libs/contracts';
import { eventually } from '@libs/testing';
import { addCalendarMonths } from '../apps/subscriptions/src/gifts/calendar-months';
import { FakeStripe, startFakeStripe } from './stripe-fake';
import { createAgency } from './support/agencies';
import { Api, ApiResponse } from './support/api';
import { JetStreamProbe } from './support/jetstream';
import { createMonthlyPlan, linkStripe, MonthlyPlan, StripeLinkedAgency } from './support/subscription-fixtures';
import { TestSuite } from './support/test-suite';

interface Grant {
  key: string;
  until: string;
  source: string;
  sourceId: string;
  reason: string;
}

interface Entitlements {
  readerId: string | null;
  email: string | null;
  ip: string | null;
  entitlements: Grant[];
  version: number;
}

interface CreatedGift {
  gift: { id: string; codeLast4: string; status: string };
  claimCode: string;
  claimUrl: string;
}

interface Redemption {
  giftId: string;
  months: number;
  entitlements: string[];
  redeemedAt: string;
  until: string;
}

interface Membership {
  id: string;
  licenceId: string;
  readerId: string | null;
  email: string;
  joinedBy: string;
  joinedAt: string;
}

interface Usage {
  seats: number;
  used: number;
  members: Membership[];
}

interface Problem {
  status: number;
  type: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}

const IN_A_YEAR = () => new Date(Date.now() + 365 * 86_400_000).toISOString();

describe('gifts and group licences', () => {
  let fake: FakeStripe;
  let suite: TestSuite;
  let probe: JetStreamProbe;
  let agency: StripeLinkedAgency;
  let plan: MonthlyPlan;
  let readerPage: Api;

  const entitlementsOf = (query: string) => agency.api.get<Entitlements>(`/v1/subscriptions/entitlements?${query}`);
  const createGift = async (overrides: Record<string, unknown> = {}) => {
    const response = await agency.api.post<CreatedGift>('/v1/subscriptions/gifts', {
      planId: plan.planId,
      months: 3,
      purchaserEmail: 'Mua@Example.vn',
      recipientEmail: 'nhan@example.vn',
      message: 'Chúc mừng sinh nhật!',
      paymentReference: 'order-1001',
      ...overrides,
    });
    expect(response.status).toBe(201);
    return { id: response.body.gift.id, ...response.body };
  };
  const redeem = (code: string, reader: Record<string, string>, api: Api = agency.api) =>
    api.post<Redemption & Problem>('/v1/subscriptions/gifts/redeem', { code, ...reader });
  const join = (body: Record<string, string>) =>
    agency.api.post<Membership & Problem>('/v1/subscriptions/group-licences/join', body);
  const usageOf = async (licenceId: string) =>
    (await agency.api.get<Usage>(`/v1/subscriptions/group-licences/${licenceId}/usage`)).body;
  const entitlementEvents = async (readerKey: string) =>
    (await probe.published<EntitlementChangedEvent>('evt.subscriptions.entitlement.changed.v1')).filter(
      (e) => e.data.readerKey === readerKey,
    );
  const fieldsOf = (response: ApiResponse<Problem>) => (response.body.errors ?? []).map((e) => e.field);

  async function sql(query: string, params: unknown[]): Promise<void> {
    const client = new Client({ connectionString: suite.database.url });
    await client.connect();
    try {
      await client.query(query, params);
    } finally {
      await client.end();
    }
  }

  /** Every id of a list, walked a page of `limit` at a time through `nextBefore`. */
  async function walkPages(path: string, limit: number): Promise<string[]> {
    const ids: string[] = [];
    let before: string | null = null;
    do {
      const page: ApiResponse<{ items: { id: string }[]; nextBefore: string | null }> = await agency.api.get(
        `${path}?limit=${limit}${before ? `&before=${before}` : ''}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(limit);
      ids.push(...page.body.items.map((item) => item.id));
      before = page.body.nextBefore;
    } while (before);
    return ids;
  }

  beforeAll(async () => {
    fake = await startFakeStripe();
    suite = await TestSuite.start(['gateway', 'subscriptions', 'payments'], { STRIPE_API_URL: fake.url });
    probe = await JetStreamProbe.connect(suite.nats.url);
    const gatewayUrl = await suite.gatewayUrl();
    agency = await linkStripe(await createAgency(new Api(gatewayUrl), suite.operatorToken), fake, gatewayUrl);
    plan = await createMonthlyPlan(agency);
    const site = await agency.api.post<{ publishableKey: string }>('/v1/sites', {
      name: 'Tin Nhanh',
      domain: 'tinnhanh.vn',
    });
    readerPage = new Api(gatewayUrl, { siteKey: site.body.publishableKey });
  });

  afterAll(async () => {
    await probe?.close();
    await suite?.close();
    await fake?.close();
  });

  describe('gifts', () => {
    it('lists gifts a page at a time, newest first, each once', async () => {
      const created = [await createGift(), await createGift(), await createGift()].map((gift) => gift.id);
      const all = await agency.api.get<{ items: { id: string }[]; nextBefore: string | null }>(
        '/v1/subscriptions/gifts?limit=100',
      );
      expect(all.body.nextBefore).toBeNull();
      const ids = all.body.items.map((gift) => gift.id);
      expect(ids.slice(0, 3)).toEqual([...created].reverse());
      expect(await walkPages('/v1/subscriptions/gifts', 2)).toEqual(ids);
    });

    it('answers a claim code and link once, and never shows the code again', async () => {
      const gift = await createGift();
      expect(gift.claimCode).toMatch(/^GIFT(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
      expect(gift.claimUrl).toBe(`http://127.0.0.1:3000/gift/${gift.claimCode}`);
      expect(gift.gift).toMatchObject({
        status: 'unredeemed',
        codeLast4: gift.claimCode.slice(-4),
        redeemedAt: null,
        redeemedBy: null,
      });
      const [one, list] = await Promise.all([
        agency.api.get(`/v1/subscriptions/gifts/${gift.id}`),
        agency.api.get<{ items: { id: string }[] }>('/v1/subscriptions/gifts'),
      ]);
      expect(one.body).toMatchObject({
        id: gift.id,
        planId: plan.planId,
        productId: plan.productId,
        months: 3,
        purchaserEmail: 'mua@example.vn',
        paymentReference: 'order-1001',
      });
      expect(list.body.items.map((g) => g.id)).toContain(gift.id);
      for (const shown of [one.body, list.body]) {
        expect(JSON.stringify(shown)).not.toContain(gift.claimCode.slice(5));
        expect(shown).not.toHaveProperty('claimCode');
      }
    });

    it('redeems a gift: the reader holds the product as a gift for N calendar months from redemption', async () => {
      const gift = await createGift({ months: 3 });
      const response = await redeem(gift.claimCode, { readerId: 'gift-reader-1', email: 'nhan@example.vn' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        giftId: gift.id,
        months: 3,
        entitlements: ['premium-articles', 'ad-free'],
        message: 'Chúc mừng sinh nhật!',
      });
      expect(response.body.until).toBe(addCalendarMonths(new Date(response.body.redeemedAt), 3).toISOString());
      expect(Math.abs(Date.parse(response.body.redeemedAt) - Date.now())).toBeLessThan(60_000);

      const granted = (await entitlementsOf('readerId=gift-reader-1')).body;
      expect(granted.entitlements).toEqual([
        { key: 'ad-free', until: response.body.until, source: 'gift', sourceId: gift.id, reason: 'gift of 3 months' },
        {
          key: 'premium-articles',
          until: response.body.until,
          source: 'gift',
          sourceId: gift.id,
          reason: 'gift of 3 months',
        },
      ]);
      expect(granted.version).toBe(1);
      const view = await agency.api.get(`/v1/subscriptions/gifts/${gift.id}`);
      expect(view.body).toMatchObject({
        status: 'redeemed',
        redeemedAt: response.body.redeemedAt,
        redeemedUntil: response.body.until,
        redeemedBy: { readerId: 'gift-reader-1', email: 'nhan@example.vn' },
      });
      const [event] = await eventually(async () => {
        const events = await entitlementEvents('reader:gift-reader-1');
        expect(events).toHaveLength(1);
        return events;
      });
      expect(event.data).toMatchObject({ readerId: 'gift-reader-1', version: 1, entitlements: granted.entitlements });
    });

    it('refuses a second redemption of the same code with 409, changing nothing', async () => {
      const gift = await createGift({ months: 1 });
      expect((await redeem(gift.claimCode, { readerId: 'first-reader' })).status).toBe(200);
      const giftBefore = (await agency.api.get(`/v1/subscriptions/gifts/${gift.id}`)).body;
      const firstBefore = (await entitlementsOf('readerId=first-reader')).body;

      for (const reader of [{ readerId: 'second-reader' }, { readerId: 'first-reader' }]) {
        const again = await redeem(gift.claimCode, reader);
        expect(again.status).toBe(409);
        expect(again.headers.get('content-type')).toContain('application/problem+json');
        expect(again.body.detail).toContain('already been redeemed');
      }
      expect((await agency.api.get(`/v1/subscriptions/gifts/${gift.id}`)).body).toEqual(giftBefore);
      expect((await entitlementsOf('readerId=first-reader')).body).toEqual(firstBefore);
      expect((await entitlementsOf('readerId=second-reader')).body).toMatchObject({ entitlements: [], version: 0 });
    });

    it('lets exactly one of two concurrent redemptions through', async () => {
      for (let round = 0; round < 5; round++) {
        const gift = await createGift({ months: 2 });
        const readers = [`race-${round}-a`, `race-${round}-b`];
        const answers = await Promise.all(readers.map((readerId) => redeem(gift.claimCode, { readerId })));
        expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
        const winner = readers[answers.findIndex((a) => a.status === 200)];
        const granted = await Promise.all(
          readers.map(async (readerId) => (await entitlementsOf(`readerId=${readerId}`)).body.entitlements.length),
        );
        expect(granted).toEqual(readers.map((r) => (r === winner ? 2 : 0)));
        expect((await agency.api.get(`/v1/subscriptions/gifts/${gift.id}`)).body).toMatchObject({
          redeemedBy: { readerId: winner },
        });
      }
    });

    it('takes the code from a reader page (site key) however the reader typed it', async () => {
      const gift = await createGift({ months: 12 });
      const typed = ` ${gift.claimCode
        .toLowerCase()
        .replace(/-/g, ' ')
        .replace(/^gift /, '')} `;
      const response = await redeem(typed, { email: 'Doc.Gia@Example.vn' }, readerPage);
      expect(response.status).toBe(200);
      const granted = (await entitlementsOf('email=doc.gia@example.vn')).body;
      expect(granted.entitlements.map((g) => [g.key, g.source, g.until])).toEqual([
        ['ad-free', 'gift', response.body.until],
        ['premium-articles', 'gift', response.body.until],
      ]);
    });

    it('answers 404 to a code that does not exist, and 400 to what is no code at all', async () => {
      const unknown = await redeem('GIFT-0000-0000-0000-0000', { readerId: 'guesser' });
      expect(unknown.status).toBe(404);
      expect(unknown.body.detail).toBe('gift code not found');
      const malformed = await redeem('GIFT-123', { readerId: 'guesser' });
      expect(malformed.status).toBe(400);
      expect(fieldsOf(malformed)).toContain('code');
      const nobody = await redeem((await createGift()).claimCode, {});
      expect(nobody.status).toBe(400);
      expect(fieldsOf(nobody)).toEqual(expect.arrayContaining(['readerId', 'email']));
    });

    it('refuses a gift not redeemed within a year of its purchase', async () => {
      const gift = await createGift();
      await sql(`UPDATE subscriptions.gifts SET redeem_by = now() - interval '1 minute' WHERE id = $1`, [gift.id]);
      expect((await agency.api.get(`/v1/subscriptions/gifts/${gift.id}`)).body).toMatchObject({ status: 'expired' });
      const late = await redeem(gift.claimCode, { readerId: 'late-reader' });
      expect(late.status).toBe(409);
      expect(late.body.detail).toContain('could be redeemed until');
      expect((await entitlementsOf('readerId=late-reader')).body.entitlements).toEqual([]);
    });

    it('lets reader pages redeem but not create or read gifts', async () => {
      expect(
        (
          await readerPage.post('/v1/subscriptions/gifts', {
            planId: plan.planId,
            months: 1,
            purchaserEmail: 'a@example.vn',
          })
        ).status,
      ).toBe(403);
      expect((await readerPage.get('/v1/subscriptions/gifts')).status).toBe(403);
    });

    it.each([
      [{ months: 0 }, 'months'],
      [{ months: 37 }, 'months'],
      [{ months: 1.5 }, 'months'],
      [{ purchaserEmail: 'not-an-email' }, 'purchaserEmail'],
      [{ planId: 'plan-1' }, 'planId'],
      [{ amount: '99000' }, 'amount'],
    ])('refuses the gift %j with 400 naming %s', async (overrides, field) => {
      const response = await agency.api.post<Problem>('/v1/subscriptions/gifts', {
        planId: plan.planId,
        months: 3,
        purchaserEmail: 'a@example.vn',
        ...overrides,
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response)).toContain(field);
    });
  });

  describe('group licences', () => {
    let licenceId: string;
    const validUntil = IN_A_YEAR();

    beforeAll(async () => {
      const created = await agency.api.post<{ id: string }>('/v1/subscriptions/group-licences', {
        name: 'Đại học Bách khoa',
        planId: plan.planId,
        seats: 3,
        emailDomains: ['Campus.Example.edu'],
        ipRanges: ['203.0.113.0/24', '2001:db8:42::/48'],
        validUntil,
      });
      expect(created.status).toBe(201);
      licenceId = created.body.id;
    });

    it('lists group licences a page at a time, newest first, each once', async () => {
      for (const name of ['Trường A', 'Trường B'])
        expect(
          (
            await agency.api.post('/v1/subscriptions/group-licences', {
              name,
              planId: plan.planId,
              seats: 1,
              validUntil,
            })
          ).status,
        ).toBe(201);
      const all = await agency.api.get<{ items: { id: string }[] }>('/v1/subscriptions/group-licences?limit=100');
      expect(all.body.items.length).toBeGreaterThanOrEqual(3);
      expect(await walkPages('/v1/subscriptions/group-licences', 1)).toEqual(all.body.items.map((l) => l.id));
    });

    it('shows the licence as created, domains in lowercase', async () => {
      const view = await agency.api.get(`/v1/subscriptions/group-licences/${licenceId}`);
      expect(view.body).toMatchObject({
        id: licenceId,
        planId: plan.planId,
        productId: plan.productId,
        seats: 3,
        used: 0,
        emailDomains: ['campus.example.edu'],
        ipRanges: ['203.0.113.0/24', '2001:db8:42::/48'],
        validUntil: new Date(validUntil).toISOString(),
      });
    });

    it('never lets 10 concurrent joins take more than its 3 seats', async () => {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => join({ email: `member-${i}@campus.example.edu` })),
      );
      expect(answers.filter((a) => a.status === 200)).toHaveLength(3);
      expect(answers.filter((a) => a.status === 409)).toHaveLength(7);
      expect(answers.find((a) => a.status === 409)!.body.detail).toContain('seats');
      const usage = await usageOf(licenceId);
      expect(usage).toMatchObject({ seats: 3, used: 3 });
      expect(usage.members.map((m) => m.email).sort()).toEqual(
        answers
          .filter((a) => a.status === 200)
          .map((a) => a.body.email)
          .sort(),
      );
      expect(
        usage.members.every((m) => m.joinedBy === 'email-domain' && Date.parse(m.joinedAt) > Date.now() - 60_000),
      ).toBe(true);
    });

    it('answers the same membership when a member joins again, taking no seat', async () => {
      const [member] = (await usageOf(licenceId)).members;
      const again = await join({ email: member.email.toUpperCase() });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(member);
      expect((await usageOf(licenceId)).used).toBe(3);
    });

    it('gives members the product as a group grant until the licence ends', async () => {
      const [member] = (await usageOf(licenceId)).members;
      const granted = (await entitlementsOf(`email=${member.email}`)).body;
      expect(granted.entitlements).toEqual(
        ['ad-free', 'premium-articles'].map((key) => ({
          key,
          until: new Date(validUntil).toISOString(),
          source: 'group',
          sourceId: licenceId,
          reason: 'member of Đại học Bách khoa',
        })),
      );
    });

    it('frees a seat when a member is removed, and takes their entitlements away', async () => {
      const [leaving] = (await usageOf(licenceId)).members;
      const removed = await agency.api.delete(`/v1/subscriptions/group-licences/${licenceId}/members/${leaving.id}`);
      expect(removed.status).toBe(204);
      expect((await usageOf(licenceId)).used).toBe(2);
      expect((await entitlementsOf(`email=${leaving.email}`)).body.entitlements).toEqual([]);
      expect(
        (await agency.api.delete(`/v1/subscriptions/group-licences/${licenceId}/members/${leaving.id}`)).status,
      ).toBe(404);
      const newcomer = await join({ readerId: 'campus-reader-9', email: 'newcomer@campus.example.edu' });
      expect(newcomer.status).toBe(200);
      expect(newcomer.body).toMatchObject({ readerId: 'campus-reader-9', joinedBy: 'email-domain' });
      expect((await usageOf(licenceId)).used).toBe(3);
      expect((await join({ email: 'one-too-many@campus.example.edu' })).status).toBe(409);
    });

    it('refuses to go below the members it has, and grows', async () => {
      const shrink = await agency.api.patch<Problem>(`/v1/subscriptions/group-licences/${licenceId}`, { seats: 2 });
      expect(shrink.status).toBe(409);
      expect((await agency.api.get(`/v1/subscriptions/group-licences/${licenceId}`)).body).toMatchObject({
        seats: 3,
        used: 3,
      });
      const grow = await agency.api.patch(`/v1/subscriptions/group-licences/${licenceId}`, { seats: 4 });
      expect(grow.status).toBe(200);
      expect(grow.body).toMatchObject({ seats: 4, used: 3 });
    });

    it('joins an invited email whatever its domain, with a token that works once and for that email only', async () => {
      const invited = await agency.api.post<{ id: string; invitationToken: string; email: string }>(
        `/v1/subscriptions/group-licences/${licenceId}/invitations`,
        {
          email: 'Guest.Lecturer@Elsewhere.vn',
        },
      );
      expect(invited.status).toBe(201);
      expect(invited.body.invitationToken).toMatch(/^ginv_[A-Za-z0-9_-]{43}$/);
      const token = invited.body.invitationToken;
      const stranger = await join({ email: 'someone@elsewhere.vn', invitationToken: token });
      expect(stranger.status).toBe(404);
      const joined = await join({ email: 'guest.lecturer@elsewhere.vn', invitationToken: token });
      expect(joined.status).toBe(200);
      expect(joined.body).toMatchObject({ licenceId, email: 'guest.lecturer@elsewhere.vn', joinedBy: 'invitation' });
      const again = await join({ email: 'guest.lecturer@elsewhere.vn', invitationToken: token });
      expect(again.body).toEqual(joined.body);
      expect((await join({ email: 'guest.lecturer@elsewhere.vn' })).status).toBe(404);
      expect((await usageOf(licenceId)).used).toBe(4);
      const wrongToken = await join({
        email: 'guest.lecturer@elsewhere.vn',
        invitationToken: `ginv_${'A'.repeat(43)}`,
      });
      expect(wrongToken.status).toBe(404);
    });

    it('moves every member’s grant when the licence’s end moves, with the next version', async () => {
      const member = (await usageOf(licenceId)).members.find((m) => m.readerId === 'campus-reader-9')!;
      const before = (await entitlementsOf('readerId=campus-reader-9')).body;
      const later = new Date(Date.now() + 2 * 365 * 86_400_000).toISOString();
      expect(
        (await agency.api.patch(`/v1/subscriptions/group-licences/${licenceId}`, { validUntil: later })).status,
      ).toBe(200);
      const after = (await entitlementsOf('readerId=campus-reader-9')).body;
      expect(after.entitlements.every((g) => g.until === later && g.source === 'group')).toBe(true);
      expect(after.version).toBe(before.version + 1);
      await eventually(async () => {
        const events = await entitlementEvents(`reader:${member.readerId}`);
        expect(events[events.length - 1].data).toMatchObject({
          version: after.version,
          entitlements: after.entitlements,
        });
      });
    });

    it('entitles addresses inside its IP ranges without taking a seat', async () => {
      const seatsBefore = (await usageOf(licenceId)).used;
      for (const ip of ['203.0.113.7', '203.0.113.255', '2001:db8:42::7', '::ffff:203.0.113.9']) {
        const response = await entitlementsOf(`ip=${encodeURIComponent(ip)}`);
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ readerId: null, email: null, ip, version: 0 });
        expect(response.body.entitlements.map((g) => [g.key, g.source, g.sourceId])).toEqual([
          ['ad-free', 'group', licenceId],
          ['premium-articles', 'group', licenceId],
        ]);
        expect(response.body.entitlements[0].reason).toBe('address in a range of Đại học Bách khoa');
      }
      for (const ip of ['203.0.114.1', '198.51.100.7', '2001:db8:43::1']) {
        expect((await entitlementsOf(`ip=${encodeURIComponent(ip)}`)).body.entitlements).toEqual([]);
      }
      expect((await usageOf(licenceId)).used).toBe(seatsBefore);
    });

    it('stops entitling an address once its range is taken off the licence', async () => {
      expect(
        (await agency.api.patch(`/v1/subscriptions/group-licences/${licenceId}`, { ipRanges: ['2001:db8:42::/48'] }))
          .status,
      ).toBe(200);
      expect((await entitlementsOf('ip=203.0.113.7')).body.entitlements).toEqual([]);
      expect((await entitlementsOf(`ip=${encodeURIComponent('2001:db8:42::7')}`)).body.entitlements).toHaveLength(2);
    });

    it('publishes every reader’s entitlement changes with strictly increasing versions', async () => {
      const events = await eventually(async () => {
        const all = await probe.published<EntitlementChangedEvent>('evt.subscriptions.entitlement.changed.v1');
        expect(all.filter((e) => e.data.readerKey === 'reader:campus-reader-9').length).toBeGreaterThanOrEqual(2);
        return all;
      });
      const byReader = new Map<string, number[]>();
      for (const event of events)
        byReader.set(event.data.readerKey, [...(byReader.get(event.data.readerKey) ?? []), event.data.version]);
      expect(byReader.size).toBeGreaterThan(5);
      for (const [readerKey, versions] of byReader) {
        expect({ readerKey, versions }).toEqual({ readerKey, versions: versions.map((_, i) => i + 1) });
      }
      const removed = [...byReader.keys()].filter((key) => key.startsWith('email:member-'));
      expect(removed.length).toBeGreaterThan(0);
    });

    it('refuses reader pages: joining by domain trusts an email only the agency can vouch for', async () => {
      expect(
        (await readerPage.post('/v1/subscriptions/group-licences/join', { email: 'x@campus.example.edu' })).status,
      ).toBe(403);
    });

    it('answers 404 when no running licence takes the email’s domain', async () => {
      const response = await join({ email: 'reader@nowhere.example' });
      expect(response.status).toBe(404);
    });

    it.each([
      [{ ipRanges: ['203.0.113.7/24'] }, 'ipRanges'],
      [{ ipRanges: ['300.0.113.0/24'] }, 'ipRanges'],
      [{ ipRanges: ['2001:db8::/129'] }, 'ipRanges'],
      [{ ipRanges: '203.0.113.0/24' }, 'ipRanges'],
      [{ emailDomains: ['@campus.example.edu'] }, 'emailDomains'],
      [{ seats: 0 }, 'seats'],
      [{ seats: 100_001 }, 'seats'],
      [{ validUntil: '2020-01-01T00:00:00Z' }, 'validUntil'],
      [{ validUntil: '2099-01-01' }, 'validUntil'],
      [{ owner: 'someone' }, 'owner'],
    ])('refuses the licence %j with 400 naming %s', async (overrides, field) => {
      const response = await agency.api.post<Problem>('/v1/subscriptions/group-licences', {
        name: 'Bad',
        planId: plan.planId,
        seats: 10,
        validUntil: IN_A_YEAR(),
        ...overrides,
      });
      expect(response.status).toBe(400);
      expect(fieldsOf(response)).toContain(field);
    });

    it.each([
      [{ seats: 0 }, 'seats'],
      [{ validUntil: '2020-01-01T00:00:00Z' }, 'validUntil'],
      [{ ipRanges: ['10.0.0.1/8'] }, 'ipRanges'],
      [{ planId: '00000000-0000-4000-8000-000000000000' }, 'planId'],
    ])('refuses the change %j with 400 naming %s, changing nothing', async (changes, field) => {
      const before = (await agency.api.get(`/v1/subscriptions/group-licences/${licenceId}`)).body;
      const response = await agency.api.patch<Problem>(`/v1/subscriptions/group-licences/${licenceId}`, changes);
      expect(response.status).toBe(400);
      expect(fieldsOf(response)).toContain(field);
      expect((await agency.api.get(`/v1/subscriptions/group-licences/${licenceId}`)).body).toEqual(before);
    });

    it.each([
      ['ip=203.0.113', 'ip'],
      ['ip=203.0.113.7&readerId=someone', 'ip'],
      ['ip=fe80::1%25eth0', 'ip'],
      ['', 'readerId'],
    ])('refuses the entitlements query %s with 400 naming %s', async (query, field) => {
      const response = await agency.api.get<Problem>(`/v1/subscriptions/entitlements?${query}`);
      expect(response.status).toBe(400);
      expect(fieldsOf(response)).toContain(field);
    });

    it('refuses joins and invitations with bad input naming the field', async () => {
      const noEmail = await join({ readerId: 'r1' });
      expect(noEmail.status).toBe(400);
      expect(fieldsOf(noEmail)).toContain('email');
      const badToken = await join({ email: 'a@campus.example.edu', invitationToken: 'not-a-token' });
      expect(fieldsOf(badToken)).toContain('invitationToken');
      const badInvite = await agency.api.post<Problem>(`/v1/subscriptions/group-licences/${licenceId}/invitations`, {
        email: 'nope',
        role: 'admin',
      });
      expect(badInvite.status).toBe(400);
      expect(fieldsOf(badInvite)).toEqual(expect.arrayContaining(['email', 'role']));
      const badMember = await agency.api.delete<Problem>(
        `/v1/subscriptions/group-licences/${licenceId}/members/not-a-uuid`,
      );
      expect(badMember.status).toBe(400);
      expect(fieldsOf(badMember)).toContain('memberId');
    });
  });
});
