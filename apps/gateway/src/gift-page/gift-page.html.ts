import { createHash } from 'node:crypto';
import type { FieldError, GiftByCodeView, GiftRedemptionView } from '@libs/contracts';

/** The agency a gift belongs to, as the page names it and tells its dates. */
export interface GiftAgency {
  name: string;
  timeZone: string;
}

/** What the gift page shows, decided by the controller; rendering is a pure function of it. */
export type GiftPage =
  | { kind: 'unknown' }
  | {
      kind: 'gift';
      gift: GiftByCodeView;
      agency: GiftAgency;
      formAction: string;
      errors?: FieldError[];
      typed?: { email: string; readerId: string };
    }
  | { kind: 'redeemed-now'; gift: GiftByCodeView; agency: GiftAgency; redemption: GiftRedemptionView }
  | { kind: 'rate-limited' }
  | { kind: 'unavailable' };

export interface RenderedPage {
  status: number;
  html: string;
}

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f4ef;color:#1d1d1b}main{max-width:34rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:8px}' +
  'h1{font-size:1.4rem;margin-top:0}.en{color:#5b5b57}dl{display:grid;grid-template-columns:auto 1fr;gap:.3rem 1rem}dt{font-weight:600}dd{margin:0}' +
  'blockquote{margin:1rem 0;padding:.5rem 1rem;border-left:4px solid #c8a24a;white-space:pre-wrap}label{display:block;margin:.8rem 0}' +
  'input{display:block;width:100%;box-sizing:border-box;padding:.5rem;font:inherit}button{margin-top:1rem;padding:.6rem 1.2rem;font:inherit}.error{color:#a4161a}';

/**
 * No script, no external asset, one inline stylesheet allowed by its hash; the form may post
 * only back here; the page cannot be framed; and the URL, which carries the code, is never sent
 * as a referrer.
 */
export const GIFT_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function renderGiftPage(page: GiftPage): RenderedPage {
  switch (page.kind) {
    case 'unknown':
      return {
        status: 404,
        html: layout(
          'Không tìm thấy quà tặng · Gift not found',
          both(
            'Không tìm thấy mã quà tặng này. Hãy kiểm tra lại đường dẫn.',
            'We could not find this gift code. Please check the link.',
          ),
        ),
      };
    case 'rate-limited':
      return {
        status: 429,
        html: layout(
          'Thử lại sau · Try again later',
          both('Quá nhiều yêu cầu. Vui lòng thử lại sau một phút.', 'Too many requests. Please try again in a minute.'),
        ),
      };
    case 'unavailable':
      return {
        status: 503,
        html: layout(
          'Tạm thời gián đoạn · Temporarily unavailable',
          both('Dịch vụ đang bận. Vui lòng thử lại sau.', 'The service is busy. Please try again shortly.'),
        ),
      };
    case 'redeemed-now':
      return { status: 200, html: layout('Đã nhận quà · Gift redeemed', redeemedNow(page)) };
    case 'gift':
      return giftPage(page);
  }
}

function giftPage(page: Extract<GiftPage, { kind: 'gift' }>): RenderedPage {
  const { gift, agency } = page;
  const details = giftDetails(gift, agency);
  if (gift.status === 'redeemed') {
    return {
      status: 410,
      html: layout(
        'Quà đã được nhận · Gift already redeemed',
        both('Mã quà tặng này đã được sử dụng.', 'This gift code has already been used.') + details,
      ),
    };
  }
  if (gift.status === 'refunded') {
    return {
      status: 410,
      html: layout(
        'Quà đã được hoàn tiền · Gift refunded',
        both(
          'Quà tặng này đã được hoàn tiền cho người mua nên không thể nhận được nữa.',
          'This gift was refunded to its purchaser and can no longer be redeemed.',
        ) + details,
      ),
    };
  }
  if (gift.status === 'expired') {
    const until = when(gift.redeemBy, agency);
    return {
      status: 410,
      html: layout(
        'Quà đã hết hạn · Gift expired',
        `<p>Mã quà tặng này đã hết hạn nhận vào ${until.vi}.</p><p class="en" lang="en">This gift code could be redeemed until ${until.en}.</p>${details}`,
      ),
    };
  }
  const errors = (page.errors ?? []).map((e) => `<li>${escapeHtml(e.field)}: ${escapeHtml(e.message)}</li>`).join('');
  const form =
    `<form method="post" action="${escapeHtml(page.formAction)}">` +
    (errors ? `<ul class="error">${errors}</ul>` : '') +
    `<label>Email <span class="en" lang="en">(email)</span><input type="email" name="email" required autocomplete="email" value="${escapeHtml(page.typed?.email ?? '')}"></label>` +
    `<label>Mã bạn đọc, nếu bạn có tài khoản (không bắt buộc) <span class="en" lang="en">Reader id, if you have an account (optional)</span>` +
    `<input name="readerId" autocomplete="username" value="${escapeHtml(page.typed?.readerId ?? '')}"></label>` +
    `<button type="submit">Nhận quà <span lang="en">· Redeem</span></button></form>`;
  return {
    status: page.errors?.length ? 400 : 200,
    html: layout(
      `Quà tặng từ ${agency.name} · A gift from ${agency.name}`,
      both('Bạn được tặng một món quà.', 'You have been given a gift.') + details + form,
    ),
  };
}

function giftDetails(gift: GiftByCodeView, agency: GiftAgency): string {
  const status = {
    unredeemed: ['Chưa sử dụng', 'Not yet redeemed'],
    redeemed: ['Đã sử dụng', 'Used'],
    expired: ['Đã hết hạn', 'Expired'],
    refunded: ['Đã hoàn tiền', 'Refunded'],
  }[gift.status];
  const redeemBy = when(gift.redeemBy, agency);
  return (
    `<dl><dt>Từ <span class="en" lang="en">From</span></dt><dd>${escapeHtml(agency.name)}</dd>` +
    `<dt>Gói <span class="en" lang="en">Product</span></dt><dd>${escapeHtml(gift.productName)}</dd>` +
    `<dt>Thời hạn <span class="en" lang="en">Length</span></dt><dd>${gift.months} tháng <span class="en" lang="en">· ${gift.months} ${gift.months === 1 ? 'month' : 'months'}</span></dd>` +
    `<dt>Trạng thái <span class="en" lang="en">Status</span></dt><dd>${status[0]} <span class="en" lang="en">· ${status[1]}</span></dd>` +
    (gift.status === 'unredeemed'
      ? `<dt>Nhận trước <span class="en" lang="en">Redeem by</span></dt><dd>${redeemBy.vi}</dd>`
      : '') +
    `</dl>` +
    (gift.message ? `<blockquote>${escapeHtml(gift.message)}</blockquote>` : '')
  );
}

function redeemedNow(page: Extract<GiftPage, { kind: 'redeemed-now' }>): string {
  const until = when(page.redemption.until, page.agency);
  const entitlements = page.redemption.entitlements.map((key) => `<li>${escapeHtml(key)}</li>`).join('');
  return (
    `<p>Bạn đã nhận quà: ${escapeHtml(page.gift.productName)}, sử dụng đến ${until.vi}.</p>` +
    `<p class="en" lang="en">Your gift is yours: ${escapeHtml(page.gift.productName)}, until ${until.en}.</p>` +
    `<p>Quyền truy cập <span class="en" lang="en">· Access</span></p><ul>${entitlements}</ul>`
  );
}

/** An instant in the agency's time zone, in both languages, with the exact instant for machines. */
function when(iso: string, agency: GiftAgency): { vi: string; en: string } {
  const at = new Date(iso);
  const format = (locale: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: agency.timeZone }).format(at);
  const tag = (text: string) => `<time datetime="${escapeHtml(at.toISOString())}">${escapeHtml(text)}</time>`;
  return { vi: tag(format('vi-VN')), en: tag(format('en-GB')) };
}

function both(vi: string, en: string): string {
  return `<p>${escapeHtml(vi)}</p><p class="en" lang="en">${escapeHtml(en)}</p>`;
}

function layout(title: string, body: string): string {
  return (
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`
  );
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (char) => `&#${char.charCodeAt(0)};`);
}
