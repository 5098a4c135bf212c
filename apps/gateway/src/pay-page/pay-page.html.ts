import { createHash } from 'node:crypto';
import type { PayerPaymentView, PaymentAttemptView } from '@libs/contracts';
import { amountText } from './amount-text';
import { PayPageLinks } from './pay-page-links';
import { ChooseNotice, PAY_PAGE_TEXTS, PayPageTexts } from './pay-page-texts';
import type { PayerLanguage } from './payer-language';
import type { PayerState } from './payer-state';

/** The agency paid, as the page names it and tells its deadline. */
export interface PayeeAgency {
  name: string;
  timeZone: string;
}

interface OfPayment {
  payment: PayerPaymentView;
  agency: PayeeAgency;
  links: PayPageLinks;
}

/** What a pay page shows, decided by the controller; rendering is a pure function of it. */
export type PayPage =
  | { kind: 'not-found' }
  | { kind: 'rate-limited' }
  | { kind: 'unavailable' }
  | (OfPayment & { kind: 'choose'; token: string; notice?: ChooseNotice; status?: number })
  | (OfPayment & { kind: 'qr'; attempt: PaymentAttemptView; qrSvg: string })
  | (OfPayment & { kind: 'status'; state: PayerState });

export interface RenderedPayPage {
  status: number;
  html: string;
}

const STYLE =
  'body{font:17px/1.5 system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1b1f23}' +
  'main{max-width:30rem;margin:0 auto;padding:1rem;background:#fff;min-height:100vh;box-sizing:border-box}' +
  'h1{font-size:1.3rem;margin:.5rem 0 1rem}dl{margin:0 0 1.2rem}dt{font-size:.85rem;color:#5a6570}dd{margin:0 0 .6rem}' +
  '.amount{font-size:1.8rem;font-weight:700}' +
  'button,.action{display:block;width:100%;box-sizing:border-box;min-height:3.2rem;margin:.7rem 0;padding:.8rem 1rem;' +
  'font:inherit;font-weight:600;text-align:center;text-decoration:none;border-radius:10px;border:2px solid #0b5cad;background:#0b5cad;color:#fff}' +
  '.secondary{background:#fff;color:#0b5cad}.notice{padding:.8rem;border-radius:8px;background:#fff4e5;color:#7a3e00}' +
  '.paid{color:#146c2e}.qr{display:block;width:100%;max-width:18rem;height:auto;margin:1rem auto}' +
  '.lang{display:block;text-align:right;font-size:.9rem;color:#0b5cad}';

/**
 * No script, no external asset, one inline stylesheet allowed by its hash, and the QR drawn inline.
 * The rail forms post here, and the answer sends the payer on to the rail's own page (https):
 * Chrome and Safari check the redirect after a form post against form-action too, so 'self' alone
 * would stop the payer there. The page cannot be framed, and its URL, which carries the pay
 * token, is never sent as a referrer.
 */
export const PAY_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  'img-src data:',
  "form-action 'self' https:",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function renderPayPage(page: PayPage, language: PayerLanguage): RenderedPayPage {
  const t = PAY_PAGE_TEXTS[language];
  switch (page.kind) {
    case 'not-found':
      return { status: 404, html: layout(t, t.notFoundTitle, paragraph(t.notFound)) };
    case 'rate-limited':
      return { status: 429, html: layout(t, t.rateLimitedTitle, paragraph(t.rateLimited)) };
    case 'unavailable':
      return { status: 503, html: layout(t, t.unavailableTitle, paragraph(t.unavailable)) };
    case 'choose':
      return { status: page.status ?? 200, html: choosePage(t, page, language) };
    case 'qr':
      return { status: 200, html: qrPage(t, page, language) };
    case 'status':
      return { status: 200, html: statusPage(t, page, language) };
  }
}

function choosePage(t: PayPageTexts, page: Extract<PayPage, { kind: 'choose' }>, language: PayerLanguage): string {
  const buttons = page.payment.rails
    .map(
      (rail) => `<button type="submit" name="rail" value="${escapeHtml(rail)}">${escapeHtml(t.rails[rail])}</button>`,
    )
    .join('');
  const form =
    `<form method="post" action="${escapeHtml(page.links.form)}">` +
    `<input type="hidden" name="token" value="${escapeHtml(page.token)}">` +
    `<input type="hidden" name="lang" value="${language}">` +
    `<h2>${escapeHtml(t.chooseRail)}</h2>${buttons}</form>`;
  const notice = page.notice ? `<p class="notice" role="alert">${escapeHtml(t.notices[page.notice])}</p>` : '';
  return layout(
    t,
    t.payTitle(page.agency.name),
    languageLink(t, page.links) + notice + details(t, page, language, true) + form,
  );
}

function qrPage(t: PayPageTexts, page: Extract<PayPage, { kind: 'qr' }>, language: PayerLanguage): string {
  const { attempt } = page;
  const railPage =
    attempt.redirectUrl && isWebUrl(attempt.redirectUrl)
      ? `<a class="action secondary" href="${escapeHtml(attempt.redirectUrl)}">${escapeHtml(t.openRailPage(attempt.rail))}</a>`
      : '';
  return layout(
    t,
    t.qrTitle,
    paragraph(t.scanWith(attempt.rail)) +
      `<figure role="img" aria-label="${escapeHtml(t.qrLabel)}">${page.qrSvg}</figure>` +
      details(t, page, language, false) +
      paragraph(t.afterPaying) +
      `<a class="action" href="${escapeHtml(page.links.status)}">${escapeHtml(t.statusLink)}</a>` +
      railPage,
  );
}

function statusPage(t: PayPageTexts, page: Extract<PayPage, { kind: 'status' }>, language: PayerLanguage): string {
  const back = `<a class="action secondary" href="${escapeHtml(page.links.choose)}">${escapeHtml(t.tryAnotherWay)}</a>`;
  const facts = details(t, page, language, false);
  const lang = languageLink(t, page.links);
  switch (page.state) {
    case 'waiting':
      return layout(t, t.waitingTitle, lang + paragraph(t.waiting) + facts + back, { refreshSeconds: 3 });
    case 'paid': {
      const returnLink = isWebUrl(page.payment.returnUrl)
        ? `<a class="action" href="${escapeHtml(page.payment.returnUrl)}">${escapeHtml(t.backTo(page.agency.name))}</a>`
        : '';
      return layout(t, t.paidTitle, lang + `<p class="paid">${escapeHtml(t.paid)}</p>` + facts + returnLink);
    }
    case 'expired':
      return layout(t, t.expiredTitle, lang + paragraph(t.expired) + facts);
    case 'failed':
      return layout(t, t.failedTitle, lang + paragraph(t.failed) + facts + back);
  }
}

function details(t: PayPageTexts, page: OfPayment, language: PayerLanguage, withDeadline: boolean): string {
  const { payment, agency } = page;
  const deadline = withDeadline
    ? `<dt>${escapeHtml(t.payBy)}</dt><dd>${when(payment.expiresAt, agency.timeZone, language)}</dd>`
    : '';
  return (
    `<dl><dt>${escapeHtml(t.amount)}</dt><dd class="amount">${escapeHtml(amountText(payment.amount, payment.currency, language))}</dd>` +
    `<dt>${escapeHtml(t.paysFor)}</dt><dd>${escapeHtml(payment.description)}</dd>` +
    `<dt>${escapeHtml(t.payee)}</dt><dd>${escapeHtml(agency.name)}</dd>${deadline}</dl>`
  );
}

/** An instant in the agency's time zone, with the exact instant for machines. */
function when(iso: string, timeZone: string, language: PayerLanguage): string {
  const at = new Date(iso);
  const text = new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(at);
  return `<time datetime="${escapeHtml(at.toISOString())}">${escapeHtml(text)}</time>`;
}

function languageLink(t: PayPageTexts, links: PayPageLinks): string {
  return `<a class="lang" href="${escapeHtml(links.otherLanguage)}">${escapeHtml(t.otherLanguage)}</a>`;
}

function paragraph(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}

/** Only web links are offered: a stored URL is never a `javascript:` or `data:` link on this page. */
function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

function layout(t: PayPageTexts, title: string, body: string, options: { refreshSeconds?: number } = {}): string {
  const refresh = options.refreshSeconds ? `<meta http-equiv="refresh" content="${options.refreshSeconds}">` : '';
  return (
    `<!doctype html><html lang="${t.htmlLang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">${refresh}` +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`
  );
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (char) => `&#${char.charCodeAt(0)};`);
}
