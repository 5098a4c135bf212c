import { createHash } from 'node:crypto';
import { GiftByCodeView } from '@libs/contracts';
import { escapeHtml, GIFT_PAGE_CSP, GiftPage, renderGiftPage } from './gift-page.html';

const agency = { name: 'Báo <Tin> Nhanh', timeZone: 'Asia/Ho_Chi_Minh' };
const gift = (overrides: Partial<GiftByCodeView> = {}): GiftByCodeView => ({
  tenantId: '11111111-1111-4111-8111-111111111111',
  giftId: '22222222-2222-4222-8222-222222222222',
  productName: 'Premium',
  entitlements: ['premium-articles'],
  months: 1,
  message: null,
  status: 'unredeemed',
  redeemBy: '2027-11-28T01:00:00.000Z',
  ...overrides,
});
const page = (overrides: Partial<GiftByCodeView> = {}): GiftPage => ({
  kind: 'gift',
  gift: gift(overrides),
  agency,
  formAction: 'GIFT-7K3M-Q9RT-2XWD-HB4N/redeem',
});

describe('the gift page', () => {
  it('allows exactly its own stylesheet by hash, and nothing else to load or run', () => {
    const { html } = renderGiftPage(page());
    const style = /<style>(.*?)<\/style>/s.exec(html)![1];
    expect(GIFT_PAGE_CSP).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(GIFT_PAGE_CSP).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<link|<img|\son\w+=/i);
  });

  it('answers 200 for a gift to redeem, 410 once used or expired, 404 for an unknown code', () => {
    expect(renderGiftPage(page()).status).toBe(200);
    expect(renderGiftPage(page({ status: 'redeemed' })).status).toBe(410);
    expect(renderGiftPage(page({ status: 'expired' })).status).toBe(410);
    expect(renderGiftPage({ kind: 'unknown' }).status).toBe(404);
    expect(
      renderGiftPage({ ...page(), errors: [{ field: 'email', message: 'email must be an email' }] } as GiftPage).status,
    ).toBe(400);
  });

  it('escapes everything that comes from people: message, names, typed values, errors', () => {
    const hostile = '"><script>alert(1)</script>';
    const { html } = renderGiftPage({
      kind: 'gift',
      gift: gift({ message: hostile, productName: hostile }),
      agency: { ...agency, name: hostile },
      formAction: 'redeem',
      errors: [{ field: 'email', message: hostile }],
      typed: { email: hostile, readerId: hostile },
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('"><script');
    expect(html.split(escapeHtml(hostile)).length - 1).toBeGreaterThanOrEqual(6);
  });

  it('tells dates in the agency time zone, in both languages, with the exact instant', () => {
    const { html } = renderGiftPage({
      kind: 'redeemed-now',
      gift: gift(),
      agency,
      redemption: {
        giftId: gift().giftId,
        months: 1,
        entitlements: ['premium-articles'],
        redeemedAt: '2026-11-28T01:00:00.000Z',
        until: '2026-12-28T17:30:00.000Z',
        message: null,
      },
    });
    expect(html).toContain('<time datetime="2026-12-28T17:30:00.000Z">');
    expect(html).toContain('29 December 2026');
    expect(html).toContain('tháng 12');
    expect(html).toContain('<li>premium-articles</li>');
  });
});
