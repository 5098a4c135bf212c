import { PaymentAccountView, PaymentRailName, PaymentView } from '@libs/contracts';
import { eventually } from '@libs/testing';
import { startFakeMomo } from './momo-fake/fake-momo';
import { startFakePayos } from './payos-fake/fake-payos';
import { TestAgency } from './support/agencies';
import { Api } from './support/api';
import { createFinanceAgency } from './support/finance-events';
import { RailFake } from './support/rail-fake';
import { TestSuite } from './support/test-suite';

const NBSP = '\u00a0';
const RETURN_URL = 'https://bao.example.vn/cam-on';

interface PayLink {
  path: string;
  token: string;
}

describe('the hosted pay page at /pay/<agency>/<payment>', () => {
  let suite: TestSuite;
  let gatewayUrl: string;
  let api: Api;
  let browser: Api;
  const fakes = {} as Record<'momo' | 'payos', RailFake>;
  let sequence = 0;

  beforeAll(async () => {
    [fakes.momo, fakes.payos] = await Promise.all([startFakeMomo(), startFakePayos()]);
    // The test stands in for payers behind one trusted proxy: each X-Forwarded-For is another payer.
    suite = await TestSuite.start(['gateway', 'payments', 'finance'], {
      PAYMENT_RAIL_URLS: `momo=${fakes.momo.url},payos=${fakes.payos.url}`,
      TRUSTED_PROXIES: '127.0.0.1',
    });
    gatewayUrl = await suite.gatewayUrl();
    api = new Api(gatewayUrl);
    browser = new Api(gatewayUrl);
  });

  afterAll(async () => {
    await suite?.close();
    await Promise.all(Object.values(fakes).map((fake) => fake.close()));
  });

  /** An agency taking MoMo and payOS, set up as its admin would. */
  async function agencyOnMomoAndPayos(): Promise<TestAgency> {
    const agency = await createFinanceAgency(api, suite.operatorToken);
    for (const rail of ['momo', 'payos'] as const) {
      const credentials = fakes[rail].merchant();
      const configured = await eventually(async () => {
        const response = await agency.api.put<PaymentAccountView>(`/v1/payments/accounts/${rail}`, {
          environment: 'sandbox',
          enabled: true,
          credentials,
        });
        if (response.status !== 200) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
        return response.body;
      });
      fakes[rail].setNotificationUrl(credentials, configured.notificationUrl);
    }
    return agency;
  }

  async function askForPayment(agency: TestAgency, overrides: Record<string, unknown> = {}): Promise<PaymentView> {
    sequence += 1;
    const response = await agency.api.post<PaymentView>('/v1/payments/payments', {
      amount: '99000',
      currency: 'VND',
      purpose: { stream: 'direct', reference: `page-${sequence}`, description: 'Gói đọc báo điện tử 1 tháng' },
      buyer: { name: 'Nguyễn Văn An', email: 'an@example.vn', phone: null, taxCode: null, address: null },
      returnUrl: RETURN_URL,
      ...overrides,
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  const linkOf = (payment: PaymentView): PayLink => {
    const url = new URL(payment.payPageUrl);
    return { path: url.pathname, token: url.searchParams.get('token')! };
  };

  /** The payer presses a rail's button: the form posts, and the browser is told where to go. */
  const choose = (link: PayLink, rail: string, lang = 'vi') =>
    fetch(`${gatewayUrl}${link.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: link.token, rail, lang }).toString(),
      redirect: 'manual',
    });

  const statusOf = (link: PayLink, lang = 'vi') =>
    browser.get<string>(`${link.path}/status?token=${link.token}&lang=${lang}`);

  let agency: TestAgency;
  beforeAll(async () => {
    agency = await agencyOnMomoAndPayos();
  });

  it('shows the payment in Vietnamese, with both rails to choose, under a strict Content-Security-Policy', async () => {
    const link = linkOf(await askForPayment(agency));
    const page = await browser.get<string>(`${link.path}?token=${link.token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('img-src data:');
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/]+=*'/);
    expect(csp).not.toMatch(/unsafe-inline|script-src/);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.body).toMatch(/^<!doctype html><html lang="vi">/);
    expect(page.body).not.toMatch(/<script|<link|<img|src=/i);
    expect(page.body).toContain(`99.000${NBSP}₫`);
    expect(page.body).toContain('Gói đọc báo điện tử 1 tháng');
    expect(page.body).toContain(`Thanh toán cho Báo ${agency.slug}`);
    expect(page.body).toContain('<button type="submit" name="rail" value="momo">');
    expect(page.body).toContain('<button type="submit" name="rail" value="payos">');
    expect(page.body).not.toContain('Nguyễn Văn An');
  });

  it('speaks English with lang=en, or to a browser asking for English first', async () => {
    const link = linkOf(await askForPayment(agency));
    const asked = await browser.get<string>(`${link.path}?token=${link.token}&lang=en`);
    expect(asked.status).toBe(200);
    expect(asked.body).toMatch(/^<!doctype html><html lang="en">/);
    expect(asked.body).toContain('Choose how to pay');
    expect(asked.body).toContain(`99.000${NBSP}₫`);
    const english = await browser.get<string>(`${link.path}?token=${link.token}`, {
      'accept-language': 'en-GB,en;q=0.9,vi;q=0.5',
    });
    expect(english.body).toContain('Choose how to pay');
    const vietnamese = await browser.get<string>(`${link.path}?token=${link.token}`, {
      'accept-language': 'vi-VN,en;q=0.5',
    });
    expect(vietnamese.body).toContain('Chọn cách thanh toán');
  });

  it("sends the payer choosing MoMo to MoMo's page; once MoMo has it paid, the status page says so and leads back", async () => {
    const payment = await askForPayment(agency);
    const link = linkOf(payment);
    const chosen = await choose(link, 'momo');
    expect(chosen.status).toBe(303);
    const payUrl = chosen.headers.get('location')!;
    expect(payUrl.startsWith(`${fakes.momo.url}/pay/`)).toBe(true);
    expect(chosen.headers.get('referrer-policy')).toBe('no-referrer');

    const waiting = await statusOf(link);
    expect(waiting.status).toBe(200);
    expect(waiting.body).toContain('<meta http-equiv="refresh" content="3">');
    expect(waiting.body).toContain('Đang chờ thanh toán');
    expect(waiting.body).not.toContain(RETURN_URL);

    await fakes.momo.pay({ redirectUrl: payUrl, qrCode: null });
    const paid = await statusOf(link);
    expect(paid.status).toBe(200);
    expect(paid.body).toContain('Thanh toán thành công');
    expect(paid.body).toContain(`href="${RETURN_URL}"`);
    expect(paid.body).not.toContain('http-equiv="refresh"');
    expect((await statusOf(link, 'en')).body).toContain('Your payment went through.');
    // The page itself no longer offers to pay.
    const page = await browser.get<string>(`${link.path}?token=${link.token}`);
    expect(page.body).toContain('Thanh toán thành công');
    expect(page.body).not.toContain('<form');
    expect((await agency.api.get<PaymentView>(`/v1/payments/payments/${payment.id}`)).body.status).toBe('succeeded');
  });

  it('shows the payer choosing payOS its VietQR, drawn on the page, and the way to the status page', async () => {
    const payment = await askForPayment(agency);
    const link = linkOf(payment);
    const chosen = await choose(link, 'payos', 'en');
    expect(chosen.status).toBe(200);
    expect(chosen.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await chosen.text();
    expect(html).toContain('<svg class="qr"');
    expect(html).not.toMatch(/<script|<img|src=/i);
    expect(html).toContain(`99.000${NBSP}₫`);
    expect(html).toContain('Gói đọc báo điện tử 1 tháng');
    expect(html).toContain(`href="${payment.id}/status?token=${link.token}&#38;lang=en"`);

    const attempt = (await agency.api.get<PaymentView>(`/v1/payments/payments/${payment.id}`)).body.attempts[0];
    expect(attempt).toMatchObject({ rail: 'payos', status: 'started' });
    await fakes.payos.pay(attempt);
    expect((await statusOf(link, 'en')).body).toContain('Your payment went through.');
  });

  it('tells the payer whose MoMo payment was declined, and leads them back to try another way', async () => {
    const payment = await askForPayment(agency);
    const link = linkOf(payment);
    const payUrl = (await choose(link, 'momo')).headers.get('location')!;
    await fakes.momo.decline({ redirectUrl: payUrl, qrCode: null });
    const failed = await statusOf(link, 'en');
    expect(failed.body).toContain('The payment did not go through');
    expect(failed.body).not.toContain('http-equiv="refresh"');
    expect(failed.body).toContain(
      `href="../${payment.id}?token=${link.token}&#38;lang=en">Try again or choose another way</a>`,
    );
    const again = await browser.get<string>(`${link.path}?token=${link.token}&lang=en`);
    expect(again.body).toContain('Your last attempt did not go through.');
    expect(again.body).toContain('<button type="submit" name="rail" value="payos">');
    const retried = await choose(link, 'momo');
    expect(retried.status).toBe(303);
    expect(retried.headers.get('location')).not.toBe(payUrl);
  });

  it('offers the choice again, saying why, for a rail the payment is not taken on', async () => {
    const link = linkOf(await askForPayment(agency, { rails: ['payos'] }));
    const page = await browser.get<string>(`${link.path}?token=${link.token}`);
    expect(page.body).not.toContain('value="momo"');
    const refused = await choose(link, 'momo');
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('<button type="submit" name="rail" value="payos">');
  });

  it('still starts an attempt for a script posting JSON', async () => {
    const link = linkOf(await askForPayment(agency));
    const started = await browser.post<{ rail: PaymentRailName; qrCode: string | null }>(`${link.path}/attempts`, {
      token: link.token,
      rail: 'payos',
      locale: 'vi',
    });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ rail: 'payos', qrCode: expect.any(String) });
  });

  it('answers one "payment not found" page, the same whatever part of the link is wrong', async () => {
    const payment = await askForPayment(agency);
    const { path, token } = linkOf(payment);
    const other = await createFinanceAgency(api, suite.operatorToken);
    const otherPayment = await askForPayment(await agencyOnMomoAndPayos());
    const wrong = [
      `${path}?token=${'x'.repeat(43)}`,
      path,
      `${path}?token=short`,
      `${path}?token=${linkOf(otherPayment).token}`,
      `/pay/${other.tenantId}/${payment.id}?token=${token}`,
      `/pay/${agency.tenantId}/00000000-0000-4000-8000-000000000000?token=${token}`,
      `/pay/not-an-agency/not-a-payment?token=${token}`,
    ];
    const pages = [];
    for (const url of wrong) {
      pages.push(await browser.get<string>(url));
      pages.push(await browser.get<string>(url.replace(/(\?|$)/, '/status$1')));
    }
    const posted = await fetch(`${gatewayUrl}/pay/${other.tenantId}/${payment.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, rail: 'momo' }).toString(),
      redirect: 'manual',
    });
    expect(posted.status).toBe(404);
    const bodies = new Set([...pages.map((page) => page.body), await posted.text()]);
    expect(pages.map((page) => page.status)).toEqual(pages.map(() => 404));
    expect(bodies.size).toBe(1);
    expect([...bodies][0]).toContain('Không tìm thấy yêu cầu thanh toán này');
    expect(pages[0].headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await agency.api.get<PaymentView>(`/v1/payments/payments/${payment.id}`)).body.attempts).toEqual([]);
    const english = await browser.get<string>(`${path}?token=${'x'.repeat(43)}&lang=en`);
    expect(english.body).toContain('We could not find this payment request');
  });

  it('refuses a client address that asks too often, with a 429 page and Retry-After', async () => {
    const from = { 'x-forwarded-for': '203.0.113.91' };
    const path = `/pay/${agency.tenantId}/00000000-0000-4000-8000-000000000000?token=short`;
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await browser.get(path, from)).status);
    expect(statuses.slice(0, 60).every((status) => status === 404)).toBe(true);
    const limited = await browser.get<string>(path, from);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body).toContain('Quá nhiều yêu cầu');
    expect((await browser.get(path, { 'x-forwarded-for': '203.0.113.92' })).status).toBe(404);
  });
});
