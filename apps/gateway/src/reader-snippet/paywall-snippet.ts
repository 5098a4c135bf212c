/* eslint-disable @typescript-eslint/no-explicit-any -- this function runs in readers' browsers; it sees the DOM as plain objects. */

/**
 * The reader snippet, `<script src="<gateway>/paywall.js" data-site-key="pk_…" data-article-id="…"
 * data-decisions-url="https://…" async></script>`. It asks the paywall for a decision (GET, no
 * preflight), keeps the anonymous meter in localStorage, hides the paywalled part
 * (`data-body-selector`, default `.paywall-content`) when the answer is block or register, and
 * shows the offer, whose button opens, through the gateway, the checkout the offer names: Stripe
 * Checkout, or the suite's pay page on the domestic rails (MoMo, VNPay, payOS); either with the
 * decision's `checkoutReference`, so the conversion is attributed. Every answer is also dispatched as a
 * `revenue-paywall:decision` event; a register answer's button dispatches `revenue-paywall:register`
 * for the site's own login. Text is only ever set as text, never as HTML.
 *
 * Written as one self-contained function: the gateway serves its source, tests call it with
 * stand-ins for the browser.
 */
export function paywallSnippet(window: any, document: any): Promise<void> {
  const script = document.currentScript;
  const data = (script && script.dataset) || {};
  const config = window.revenuePaywall || {};
  const siteKey = config.siteKey || data.siteKey;
  const articleId = config.articleId || data.articleId;
  const decisionsUrl = String(config.decisionsUrl || data.decisionsUrl || '').replace(/\/$/, '');
  const apiUrl = String(
    config.apiUrl || data.apiUrl || (script && script.src ? new window.URL(script.src).origin : ''),
  ).replace(/\/$/, '');
  const bodySelector = config.bodySelector || data.bodySelector || '.paywall-content';
  const storage = (() => {
    try {
      return window.localStorage;
    } catch {
      return null;
    }
  })();
  const remember = (key: string, value: string | null) => {
    try {
      if (storage && value) storage.setItem(key, value);
    } catch {
      /* private mode: the reader is simply new each time */
    }
  };
  const announce = (name: string, detail: unknown) => document.dispatchEvent(new window.CustomEvent(name, { detail }));
  if (!siteKey || !articleId || !decisionsUrl) return Promise.resolve();

  const query = new window.URLSearchParams({ siteKey, articleId });
  const fields: Record<string, unknown> = {
    meterToken: storage && storage.getItem('revenue-paywall:meter'),
    anonymousId: storage && storage.getItem('revenue-paywall:anonymous-id'),
    readerToken: config.readerToken || data.readerToken,
    referrer: document.referrer,
    url: window.location.href,
    lang: config.lang || data.lang,
    device: window.innerWidth < 768 ? 'mobile' : window.innerWidth < 1024 ? 'tablet' : 'desktop',
  };
  for (const [name, value] of Object.entries(fields)) if (typeof value === 'string' && value) query.set(name, value);

  return window
    .fetch(`${decisionsUrl}/v1/paywall/decisions?${query.toString()}`)
    .then((response: any) => (response.ok ? response.json() : null))
    .then((answer: any) => {
      if (!answer) return;
      remember('revenue-paywall:meter', answer.meterToken);
      remember('revenue-paywall:anonymous-id', answer.anonymousId);
      announce('revenue-paywall:decision', answer);
      if (answer.access !== 'block' && answer.access !== 'register') return;
      const parts = Array.from(document.querySelectorAll(bodySelector)) as any[];
      for (const part of parts) part.hidden = true;
      const box = document.createElement('div');
      box.className = 'revenue-paywall-offer';
      const text = (tag: string, value: string | undefined) => {
        if (!value) return;
        const element = document.createElement(tag);
        element.textContent = value;
        box.appendChild(element);
      };
      const offer = answer.offer;
      text('h2', offer ? offer.headline : undefined);
      text('p', offer ? offer.body : answer.reason);
      const email = config.readerId || !offer ? null : document.createElement('input');
      if (email) {
        email.type = 'email';
        email.placeholder = 'Email';
        box.appendChild(email);
      }
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = offer ? offer.cta : answer.access === 'register' ? 'Đăng ký / Register' : 'OK';
      button.addEventListener('click', () => {
        if (answer.access === 'register' || !offer) return announce('revenue-paywall:register', answer);
        // The same reader for either checkout: a reader id from a page only with the reader's token.
        const reader = {
          planId: offer.planIds[0],
          reference: answer.checkoutReference || undefined,
          readerId: config.readerId || undefined,
          readerToken: config.readerId ? fields.readerToken || undefined : undefined,
          email: email ? email.value : undefined,
        };
        const onRails = offer.checkout === 'rails';
        const [path, body] = onRails
          ? ['rail-checkouts', { ...reader, rails: offer.rails || undefined, returnUrl: window.location.href }]
          : [
              'checkout-sessions',
              {
                ...reader,
                promotionCode: offer.couponCode || undefined,
                successUrl: window.location.href,
                cancelUrl: window.location.href,
              },
            ];
        return window
          .fetch(`${apiUrl}/v1/subscriptions/${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-site-key': siteKey },
            body: JSON.stringify(body),
          })
          .then((response: any) => response.json())
          .then((checkout: any) => {
            const next = checkout && (onRails ? checkout.payPageUrl : checkout.url);
            return next ? window.location.assign(next) : announce('revenue-paywall:checkout-failed', checkout);
          });
      });
      box.appendChild(button);
      const anchor = parts[parts.length - 1];
      if (anchor && anchor.parentNode) anchor.parentNode.insertBefore(box, anchor.nextSibling);
      else document.body.appendChild(box);
    })
    .catch(() => undefined);
}

/** What `GET /paywall.js` serves: the function above, called on the page. */
export const PAYWALL_SNIPPET_SOURCE = `(${paywallSnippet.toString()})(window, document);\n`;
