import { Script } from 'node:vm';
import { PAYWALL_SNIPPET_SOURCE, paywallSnippet } from './paywall-snippet';

/* eslint-disable @typescript-eslint/no-explicit-any -- stand-ins for the browser's DOM */

class FakeElement {
  children: FakeElement[] = [];
  textContent = '';
  hidden = false;
  className = '';
  type = '';
  placeholder = '';
  value = '';
  parentNode: FakeElement | null = null;
  private readonly listeners: Record<string, () => unknown> = {};
  constructor(readonly tag: string) {}
  appendChild(child: FakeElement): void {
    child.parentNode = this;
    this.children.push(child);
  }
  insertBefore(child: FakeElement, before: FakeElement | null): void {
    child.parentNode = this;
    const at = before ? this.children.indexOf(before) : -1;
    if (at < 0) this.children.push(child);
    else this.children.splice(at, 0, child);
  }
  get nextSibling(): FakeElement | null {
    const siblings = this.parentNode?.children ?? [];
    return siblings[siblings.indexOf(this) + 1] ?? null;
  }
  addEventListener(name: string, listener: () => unknown): void {
    this.listeners[name] = listener;
  }
  click(): unknown {
    return this.listeners.click?.();
  }
}

function browser(answer: object, checkout: object = { url: 'https://checkout.stripe.com/c/pay/cs_1' }) {
  const article = new FakeElement('main');
  const premium = new FakeElement('div');
  article.appendChild(premium);
  const events: { name: string; detail: unknown }[] = [];
  const requests: { url: string; init?: { method: string; headers: Record<string, string>; body: string } }[] = [];
  const stored = new Map<string, string>([['revenue-paywall:meter', 'old.k1.mac']]);
  const assigned: string[] = [];
  const document = {
    currentScript: {
      src: 'https://api.tinnhanh.vn/paywall.js',
      dataset: { siteKey: 'pk_site', articleId: 'bai-1', decisionsUrl: 'https://paywall.tinnhanh.vn/' },
    },
    referrer: 'https://www.google.com/',
    body: new FakeElement('body'),
    querySelectorAll: (selector: string) => (selector === '.paywall-content' ? [premium] : []),
    createElement: (tag: string) => new FakeElement(tag),
    dispatchEvent: (event: { type: string; detail: unknown }) =>
      events.push({ name: event.type, detail: event.detail }),
  };
  const window = {
    /** What a page may set before the snippet runs (`window.revenuePaywall`). */
    revenuePaywall: undefined as Record<string, string> | undefined,
    URL,
    URLSearchParams,
    innerWidth: 400,
    CustomEvent: class {
      constructor(
        readonly type: string,
        readonly init: { detail: unknown },
      ) {}
      get detail() {
        return this.init.detail;
      }
    },
    location: { href: 'https://tinnhanh.vn/bai-1', assign: (url: string) => assigned.push(url) },
    localStorage: {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => stored.set(key, value),
    },
    fetch: (url: string, init?: any) => {
      requests.push({ url, init });
      return Promise.resolve({ ok: true, json: () => Promise.resolve(init ? checkout : answer) });
    },
  };
  return { window, document, premium, article, events, requests, stored, assigned };
}

const offer = {
  id: 'o1',
  headline: '<img src=x onerror=alert(1)>',
  body: 'Đọc không giới hạn',
  cta: 'Đăng ký ngay',
  planIds: ['p1'],
  couponCode: null,
  checkout: 'stripe',
  rails: null,
};

describe('the reader snippet', () => {
  it('asks for a decision with the stored meter, hides the paywalled part and shows the offer as text', async () => {
    const page = browser({
      access: 'block',
      reason: 'all 5 free articles read',
      offer,
      checkoutReference: 'pw1.abc',
      meterToken: 'new.k1.mac',
      anonymousId: 'anon-1',
    });
    await paywallSnippet(page.window, page.document);
    const asked = new URL(page.requests[0].url);
    expect(asked.origin + asked.pathname).toBe('https://paywall.tinnhanh.vn/v1/paywall/decisions');
    expect(Object.fromEntries(asked.searchParams)).toMatchObject({
      siteKey: 'pk_site',
      articleId: 'bai-1',
      meterToken: 'old.k1.mac',
      referrer: 'https://www.google.com/',
      device: 'mobile',
    });
    expect(page.stored.get('revenue-paywall:meter')).toBe('new.k1.mac');
    expect(page.stored.get('revenue-paywall:anonymous-id')).toBe('anon-1');
    expect(page.events.map((e) => e.name)).toEqual(['revenue-paywall:decision']);
    expect(page.premium.hidden).toBe(true);
    const box = page.premium.nextSibling!;
    expect(box.className).toBe('revenue-paywall-offer');
    expect(box.children.map((c) => [c.tag, c.textContent])).toEqual([
      ['h2', '<img src=x onerror=alert(1)>'],
      ['p', 'Đọc không giới hạn'],
      ['input', ''],
      ['button', 'Đăng ký ngay'],
    ]);
  });

  it('opens checkout through the gateway with the plan, the attribution and the email', async () => {
    const page = browser({
      access: 'block',
      reason: 'x',
      offer,
      checkoutReference: 'pw1.abc',
      meterToken: 't',
      anonymousId: 'a',
    });
    await paywallSnippet(page.window, page.document);
    const box = page.premium.nextSibling!;
    box.children[2].value = 'ban.doc@example.vn';
    await box.children[3].click();
    const checkout = page.requests[1];
    expect(checkout.url).toBe('https://api.tinnhanh.vn/v1/subscriptions/checkout-sessions');
    expect(checkout.init?.headers['x-site-key']).toBe('pk_site');
    expect(JSON.parse(checkout.init!.body)).toMatchObject({
      planId: 'p1',
      reference: 'pw1.abc',
      email: 'ban.doc@example.vn',
      successUrl: 'https://tinnhanh.vn/bai-1',
    });
    expect(page.assigned).toEqual(['https://checkout.stripe.com/c/pay/cs_1']);
  });

  it('opens the pay page on the rails for an offer that sells there, for the reader its token vouches for', async () => {
    const page = browser(
      {
        access: 'block',
        reason: 'x',
        offer: { ...offer, checkout: 'rails', rails: ['momo', 'vnpay'] },
        checkoutReference: 'pw1.abc',
        meterToken: 't',
        anonymousId: 'a',
      },
      { subscriptionId: 's1', payPageUrl: 'https://api.tinnhanh.vn/pay/t1/p1?token=abc' },
    );
    page.window.revenuePaywall = { readerId: 'doc-gia-1', readerToken: 'r.k1.mac' };
    await paywallSnippet(page.window, page.document);
    const box = page.premium.nextSibling!;
    expect(box.children.map((c) => c.tag)).toEqual(['h2', 'p', 'button']);
    await box.children[2].click();
    const checkout = page.requests[1];
    expect(checkout.url).toBe('https://api.tinnhanh.vn/v1/subscriptions/rail-checkouts');
    expect(checkout.init?.headers['x-site-key']).toBe('pk_site');
    expect(JSON.parse(checkout.init!.body)).toEqual({
      planId: 'p1',
      reference: 'pw1.abc',
      readerId: 'doc-gia-1',
      readerToken: 'r.k1.mac',
      rails: ['momo', 'vnpay'],
      returnUrl: 'https://tinnhanh.vn/bai-1',
    });
    expect(page.assigned).toEqual(['https://api.tinnhanh.vn/pay/t1/p1?token=abc']);
  });

  it('tells the site when a checkout fails instead of leaving the page', async () => {
    const page = browser(
      {
        access: 'block',
        reason: 'x',
        offer: { ...offer, checkout: 'rails' },
        checkoutReference: 'pw1.abc',
        meterToken: 't',
        anonymousId: 'a',
      },
      { status: 400, errors: [{ field: 'returnUrl', message: 'returnUrl must be on the site' }] },
    );
    await paywallSnippet(page.window, page.document);
    const box = page.premium.nextSibling!;
    box.children[2].value = 'ban.doc@example.vn';
    await box.children[3].click();
    expect(JSON.parse(page.requests[1].init!.body)).not.toHaveProperty('rails');
    expect(page.assigned).toEqual([]);
    expect(page.events.map((e) => e.name)).toEqual(['revenue-paywall:decision', 'revenue-paywall:checkout-failed']);
  });

  it('leaves an allowed article alone, and hands a register answer to the site', async () => {
    const open = browser({ access: 'meter', remaining: 3, offer: null, meterToken: 't', anonymousId: 'a' });
    await paywallSnippet(open.window, open.document);
    expect(open.premium.hidden).toBe(false);
    expect(open.article.children).toHaveLength(1);

    const wall = browser({
      access: 'register',
      reason: 'register to keep reading',
      offer: null,
      meterToken: 't',
      anonymousId: 'a',
    });
    await paywallSnippet(wall.window, wall.document);
    expect(wall.premium.hidden).toBe(true);
    await wall.premium.nextSibling!.children.at(-1)!.click();
    expect(wall.events.map((e) => e.name)).toEqual(['revenue-paywall:decision', 'revenue-paywall:register']);
  });

  it('is served as a script a browser can parse', () => {
    expect(() => new Script(PAYWALL_SNIPPET_SOURCE)).not.toThrow();
  });
});
