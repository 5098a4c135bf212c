import { createAgency } from './support/agencies';
import { Api } from './support/api';
import {
  createMonthlyPlan,
  linkStripe,
  MonthlyPlan,
  startStripeWorld,
  StripeLinkedAgency,
  StripeWorld,
} from './support/subscription-fixtures';

interface CreatedGift {
  gift: { id: string };
  claimCode: string;
  claimUrl: string;
}

describe('the gift page at /gift/<code>', () => {
  let world: StripeWorld;
  let agency: StripeLinkedAgency;
  let plan: MonthlyPlan;
  let browser: Api;

  const giveGift = async (
    overrides: Record<string, unknown> = {},
    owner: StripeLinkedAgency = agency,
    planId = plan.planId,
  ) => {
    const response = await owner.api.post<CreatedGift>('/v1/subscriptions/gifts', {
      planId,
      months: 2,
      purchaserEmail: 'mua@example.vn',
      ...overrides,
    });
    expect(response.status).toBe(201);
    return { ...response.body, path: new URL(response.body.claimUrl).pathname };
  };
  const submitForm = (path: string, fields: Record<string, string>) =>
    browser.post<string>(`${path}/redeem`, new URLSearchParams(fields).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    });

  beforeAll(async () => {
    // The test stands in for readers behind one trusted proxy: each X-Forwarded-For is another reader.
    world = await startStripeWorld({ TRUSTED_PROXIES: '127.0.0.1' });
    ({ agency } = world);
    plan = await createMonthlyPlan(agency);
    browser = new Api(world.gatewayUrl);
  });

  afterAll(() => world?.close());

  it('shows the gift in Vietnamese and English under a strict Content-Security-Policy, with a form posting back to itself', async () => {
    const gift = await giveGift({ message: 'Đọc báo vui nhé!' });
    const page = await browser.get<string>(gift.path);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/]+=*'/);
    expect(csp).not.toMatch(/unsafe-inline|script-src|\*/);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.body).toMatch(/^<!doctype html><html lang="vi">/);
    expect(page.body).toContain('Bạn được tặng một món quà.');
    expect(page.body).toContain('You have been given a gift.');
    expect(page.body).toContain('Báo điện tử Premium');
    expect(page.body).toContain('2 tháng');
    expect(page.body).toContain('2 months');
    expect(page.body).toContain('Đọc báo vui nhé!');
    expect(page.body).toContain(`<form method="post" action="${gift.claimCode}/redeem">`);
    expect(page.body).not.toMatch(/<script|<link|src=|https?:\/\//);
  });

  it('escapes a hostile message, so it is shown and never run', async () => {
    const gift = await giveGift({ message: '<script>alert("gift")</script><img src=x onerror=alert(1)> & \'quotes\'' });
    const page = await browser.get<string>(gift.path);
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('<script');
    expect(page.body).not.toContain('<img');
    expect(page.body).toContain(
      '&#60;script&#62;alert(&#34;gift&#34;)&#60;/script&#62;&#60;img src=x onerror=alert(1)&#62; &#38; &#39;quotes&#39;',
    );
  });

  it('opens the same gift however the code is typed in the address', async () => {
    const gift = await giveGift();
    const typed = gift.claimCode.toLowerCase().replace(/-/g, '');
    expect((await browser.get(`/gift/${typed}`)).status).toBe(200);
  });

  it('answers a clear 404 page to an unknown or malformed code, viewed or redeemed', async () => {
    for (const path of ['/gift/GIFT-0000-0000-0000-0000', '/gift/not-a-gift-code', `/gift/${'A'.repeat(80)}`]) {
      const page = await browser.get<string>(path);
      expect(page.status).toBe(404);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.body).toContain('Không tìm thấy mã quà tặng này');
      expect(page.body).toContain('We could not find this gift code');
    }
    expect((await submitForm('/gift/GIFT-0000-0000-0000-0000', { email: 'a@example.vn' })).status).toBe(404);
  });

  it('shows the form again, with the mistake named and what was typed kept (escaped), and redeems nothing', async () => {
    const gift = await giveGift();
    const refused = await submitForm(gift.path, { email: 'not-an-email"><b>', readerId: 'bạn đọc' });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('<li>email: ');
    expect(refused.body).toContain('<li>readerId: ');
    expect(refused.body).toContain('value="not-an-email&#34;&#62;&#60;b&#62;"');
    expect(refused.body).toContain('<form method="post" action="redeem">');
    expect((await agency.api.get(`/v1/subscriptions/gifts/${gift.gift.id}`)).body).toMatchObject({
      status: 'unredeemed',
    });
    expect((await submitForm(gift.path, {})).status).toBe(400);
  });

  it('redeems for a script posting JSON, answering JSON and problem+json', async () => {
    const gift = await giveGift({ months: 1 });
    const redeemed = await browser.post<{ giftId: string; months: number; entitlements: string[]; until: string }>(
      `${gift.path}/redeem`,
      { readerId: 'script-reader' },
    );
    expect(redeemed.status).toBe(200);
    expect(redeemed.headers.get('content-type')).toContain('application/json');
    expect(redeemed.body).toMatchObject({
      giftId: gift.gift.id,
      months: 1,
      entitlements: ['premium-articles', 'ad-free'],
    });
    const again = await browser.post<{ detail: string }>(`${gift.path}/redeem`, { readerId: 'script-reader' });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(again.body.detail).toContain('already been redeemed');
    expect((await browser.post('/gift/GIFT-0000-0000-0000-0000/redeem', { readerId: 'x' })).status).toBe(404);
  });

  it("redeems within the gift's own agency only: the entitlement is that agency's", async () => {
    const other = await linkStripe(
      await createAgency(browser, world.suite.operatorToken),
      world.fake,
      world.gatewayUrl,
    );
    const theirPlan = await createMonthlyPlan(other);
    const theirs = await giveGift({}, other, theirPlan.planId);
    const page = await submitForm(theirs.path, { email: 'shared.reader@example.vn' });
    expect(page.status).toBe(200);
    const entitlementsIn = async (owner: StripeLinkedAgency) =>
      (
        await owner.api.get<{ entitlements: { sourceId: string }[] }>(
          '/v1/subscriptions/entitlements?email=shared.reader@example.vn',
        )
      ).body.entitlements;
    expect((await entitlementsIn(other)).map((g) => g.sourceId)).toEqual([theirs.gift.id, theirs.gift.id]);
    expect(await entitlementsIn(agency)).toEqual([]);
  });

  it('refuses a client address that asks too often, with 429 and Retry-After', async () => {
    const from = { 'x-forwarded-for': '203.0.113.77' };
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await browser.get(`/gift/not-a-code-${i}`, from)).status);
    expect(statuses.slice(0, 60).every((status) => status === 404)).toBe(true);
    expect(statuses[60]).toBe(429);
    const limited = await browser.get<string>('/gift/not-a-code', from);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await browser.get('/gift/not-a-code', { 'x-forwarded-for': '203.0.113.78' })).status).toBe(404);
  });
});
