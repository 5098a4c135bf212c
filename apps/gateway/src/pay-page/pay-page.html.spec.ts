import { createHash } from 'node:crypto';
import { PayerPaymentView, PaymentAttemptView } from '@libs/contracts';
import { payPageLinks } from './pay-page-links';
import { escapeHtml, PAY_PAGE_CSP, PayPage, renderPayPage } from './pay-page.html';

const PAYMENT_ID = '22222222-2222-4222-8222-222222222222';
const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz0123456789-_AB';
const agency = { name: 'Báo Tin Nhanh', timeZone: 'Asia/Ho_Chi_Minh' };
const payment = (overrides: Partial<PayerPaymentView> = {}): PayerPaymentView => ({
  id: PAYMENT_ID,
  status: 'open',
  amount: '99000',
  currency: 'VND',
  description: 'Gói đọc báo điện tử 1 tháng',
  rails: ['momo', 'payos'],
  expiresAt: '2026-12-08T03:00:00.000Z',
  returnUrl: 'https://bao.example.vn/cam-on',
  latestAttempt: null,
  ...overrides,
});
const attempt = (overrides: Partial<PaymentAttemptView> = {}): PaymentAttemptView => ({
  id: '33333333-3333-4333-8333-333333333333',
  rail: 'payos',
  status: 'started',
  orderReference: '123456',
  redirectUrl: 'https://pay.payos.vn/web/abc',
  qrCode: '00020101021238570010A000000727',
  providerTransactionId: null,
  failure: null,
  createdAt: '2026-12-08T02:00:00.000Z',
  ...overrides,
});
const links = (from: 'page' | 'status' = 'page', language: 'vi' | 'en' = 'vi') =>
  payPageLinks(from, PAYMENT_ID, TOKEN, language);
const choose = (overrides: Partial<PayerPaymentView> = {}, language: 'vi' | 'en' = 'vi'): PayPage => ({
  kind: 'choose',
  payment: payment(overrides),
  agency,
  links: links('page', language),
  token: TOKEN,
});
const status = (
  state: 'waiting' | 'paid' | 'expired' | 'failed',
  overrides: Partial<PayerPaymentView> = {},
): PayPage => ({
  kind: 'status',
  payment: payment(overrides),
  agency,
  links: links('status'),
  state,
});

describe('the pay page', () => {
  it('allows exactly its own stylesheet by hash, and nothing to run, load from elsewhere or frame it', () => {
    const { html } = renderPayPage(choose(), 'vi');
    const style = /<style>(.*?)<\/style>/s.exec(html)![1];
    expect(PAY_PAGE_CSP).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    for (const directive of ["default-src 'none'", 'img-src data:', "base-uri 'none'", "frame-ancestors 'none'"])
      expect(PAY_PAGE_CSP).toContain(directive);
    expect(PAY_PAGE_CSP).toMatch(/form-action 'self'/);
    expect(PAY_PAGE_CSP).not.toMatch(/script-src|unsafe/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\son\w+=|src=/i);
  });

  it('shows the amount the Vietnamese way, the agency, and one button per rail in a form posting back here', () => {
    const { status: code, html } = renderPayPage(choose(), 'vi');
    expect(code).toBe(200);
    expect(html).toMatch(/^<!doctype html><html lang="vi">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('99.000\u00a0₫');
    expect(html).toContain('Thanh toán cho Báo Tin Nhanh');
    expect(html).toContain('Gói đọc báo điện tử 1 tháng');
    expect(html).toContain(`<form method="post" action="${PAYMENT_ID}">`);
    expect(html).toContain(`<input type="hidden" name="token" value="${TOKEN}">`);
    expect(html).toContain('<input type="hidden" name="lang" value="vi">');
    expect(html).toContain('<button type="submit" name="rail" value="momo">Ví MoMo</button>');
    expect(html).toContain('<button type="submit" name="rail" value="payos">');
    expect(html).not.toContain('value="vnpay"');
    expect(html).not.toContain('http-equiv="refresh"');
  });

  it('speaks English when asked, and links to the other language', () => {
    const vi = renderPayPage(choose(), 'vi').html;
    const en = renderPayPage(choose({}, 'en'), 'en').html;
    expect(en).toMatch(/^<!doctype html><html lang="en">/);
    expect(en).toContain('Pay Báo Tin Nhanh');
    expect(en).toContain('Choose how to pay');
    expect(en).toContain('MoMo wallet');
    expect(en).toContain('<input type="hidden" name="lang" value="en">');
    expect(en).toContain(`href="${PAYMENT_ID}?token=${TOKEN}&#38;lang=vi">Tiếng Việt</a>`);
    expect(vi).toContain(`href="${PAYMENT_ID}?token=${TOKEN}&#38;lang=en">English</a>`);
  });

  it('tells why the payer chooses again', () => {
    const page = { ...choose(), notice: 'rail-unavailable', status: 503 } as PayPage;
    const { status: code, html } = renderPayPage(page, 'en');
    expect(code).toBe(503);
    expect(html).toContain('role="alert">The payment provider is not answering.');
  });

  it('escapes what people typed: the description and the agency name', () => {
    const hostile = '"><script>alert(1)</script>';
    const { html } = renderPayPage(
      { ...choose({ description: hostile }), agency: { ...agency, name: hostile } } as PayPage,
      'vi',
    );
    expect(html).not.toContain('<script>');
    expect(html.split(escapeHtml(hostile)).length - 1).toBeGreaterThanOrEqual(3);
  });

  it('draws the QR inline, with the amount, what it is for, and the way to the status page', () => {
    const svg = '<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 25 25"><path d="M0 0h1"/></svg>';
    const { status: code, html } = renderPayPage(
      { kind: 'qr', payment: payment(), agency, links: links(), attempt: attempt(), qrSvg: svg },
      'vi',
    );
    expect(code).toBe(200);
    expect(html).toContain(svg);
    expect(html).toContain('99.000\u00a0₫');
    expect(html).toContain('Gói đọc báo điện tử 1 tháng');
    expect(html).toContain(`href="${PAYMENT_ID}/status?token=${TOKEN}&#38;lang=vi"`);
    expect(html).toContain('href="https://pay.payos.vn/web/abc"');
  });

  it('refreshes itself every 3 seconds while waiting, and only then', () => {
    const waiting = renderPayPage(status('waiting'), 'vi').html;
    expect(waiting).toContain('<meta http-equiv="refresh" content="3">');
    expect(waiting).toContain(`href="../${PAYMENT_ID}?token=${TOKEN}&#38;lang=vi"`);
    for (const state of ['paid', 'expired', 'failed'] as const)
      expect(renderPayPage(status(state), 'vi').html).not.toContain('http-equiv="refresh"');
  });

  it('once paid, leads back to the return URL; a failed attempt leads back to the choice', () => {
    const paid = renderPayPage(status('paid', { status: 'succeeded' }), 'en').html;
    expect(paid).toContain('Your payment went through.');
    expect(paid).toContain('<a class="action" href="https://bao.example.vn/cam-on">Back to Báo Tin Nhanh</a>');
    const failed = renderPayPage(status('failed'), 'en').html;
    expect(failed).toContain('Try again or choose another way');
    expect(failed).not.toContain('bao.example.vn');
    expect(renderPayPage(status('expired'), 'vi').html).toContain('Yêu cầu thanh toán này đã hết hạn');
  });

  it('never turns a stored return URL that is not a web address into a link', () => {
    const { html } = renderPayPage(status('paid', { status: 'succeeded', returnUrl: 'javascript:alert(1)' }), 'vi');
    expect(html).not.toContain('javascript:');
  });

  it('answers one not-found page, 429 when asked too often, 503 when busy', () => {
    const notFound = renderPayPage({ kind: 'not-found' }, 'vi');
    expect(notFound.status).toBe(404);
    expect(notFound.html).toContain('Không tìm thấy yêu cầu thanh toán này');
    expect(renderPayPage({ kind: 'not-found' }, 'en').html).toContain('We could not find this payment request');
    expect(renderPayPage({ kind: 'rate-limited' }, 'vi').status).toBe(429);
    expect(renderPayPage({ kind: 'unavailable' }, 'vi').status).toBe(503);
  });
});
