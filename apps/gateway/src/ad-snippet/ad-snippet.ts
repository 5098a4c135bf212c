/* eslint-disable @typescript-eslint/no-explicit-any -- this function runs in readers' browsers; it sees the DOM as plain objects. */
import {
  AD_DECISION_MAX_UNITS,
  AD_REQUEST_ARTICLE_PARAM,
  AD_REQUEST_CAP_PARAM,
  AD_REQUEST_READER_PARAM,
  AD_SLUG,
  ADS_DECISIONS_PATH,
} from '@libs/contracts';
import type { AdDecisionAnswer, AdUnitDecision } from '@libs/contracts';
import { observeViewability, viewableThreshold } from './ad-viewability';
import { renderAd } from './render-ad';
import { watchViewability } from './watch-viewability';

/** What the snippet needs to know of the decision endpoint's contract, handed in as data. */
export interface AdSnippetContract {
  path: string;
  /** The pattern of a unit code (`AD_SLUG`'s source). */
  unitCode: string;
  maxUnits: number;
  params: { article: string; reader: string; cap: string };
}

/** The snippet's self-contained building blocks, handed in so that each is served and tested on its own. */
export interface AdSnippetParts {
  renderAd: typeof renderAd;
  watchViewability: typeof watchViewability;
  viewableThreshold: typeof viewableThreshold;
  observeViewability: typeof observeViewability;
}

/**
 * The ad snippet, `<script src="<gateway>/ads.js" data-site-key="pk_…" data-section="thoi-su"
 * data-article-id="…" async></script>` on a page with slots `<div data-ad-unit="top-banner"></div>`
 * (`data-ad-format="floating|interstitial"` for an ad that is not fixed in its slot). It asks one
 * decision for all the page's units (GET, no preflight), with the frequency-cap token of the site's
 * previous answer (kept in localStorage) and the paywall's reader token when the page has one;
 * renders each answer through `renderAd`, always under its label; requests the impression beacon
 * once rendered and the viewable beacon once the MRC rule is met (`watchViewability`); gives a
 * floating or interstitial ad a close control from the start. It tells the site's code through
 * bubbling DOM events on the slot: `revenue-ads:rendered`, `revenue-ads:empty`,
 * `revenue-ads:impression`, `revenue-ads:viewable`, `revenue-ads:closed`. It never throws into the
 * page: whatever fails leaves the slots empty.
 *
 * Written as one self-contained function: the gateway serves its source, tests run it in a document.
 */
export function adSnippet(window: any, document: any, contract: AdSnippetContract, parts: AdSnippetParts): void {
  try {
    const script = document.currentScript;
    const ready = () => {
      try {
        askForAds(script);
      } catch {
        /* an ad never breaks the page */
      }
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
    else ready();
  } catch {
    /* an ad never breaks the page */
  }

  function askForAds(script: any): void {
    const data = (script && script.dataset) || {};
    const config = window.revenueAds || {};
    const paywall = window.revenuePaywall || {};
    const siteKey = config.siteKey || data.siteKey;
    const scriptOrigin = script && script.src ? new window.URL(script.src).origin : '';
    const decisionsUrl = String(config.decisionsUrl || data.decisionsUrl || scriptOrigin).replace(/\/$/, '');
    const defaultLabel = config.label || data.label || 'Quảng cáo';
    const paywallScript = document.querySelector('script[data-reader-token]');
    const width = window.innerWidth;
    const context: Record<string, unknown> = {
      section: config.section || data.section,
      device: config.device || data.device || (width < 768 ? 'mobile' : width < 1024 ? 'tablet' : 'desktop'),
      [contract.params.article]: config.articleId || data.articleId,
      [contract.params.reader]:
        config.readerToken ||
        data.readerToken ||
        paywall.readerToken ||
        (paywallScript && paywallScript.getAttribute('data-reader-token')),
    };
    const capKey = `revenue-ads:cap:${siteKey}`;
    const storage = (() => {
      try {
        return window.localStorage;
      } catch {
        return null;
      }
    })();
    const announce = (slot: any, name: string, detail: unknown) =>
      slot.dispatchEvent(new window.CustomEvent(`revenue-ads:${name}`, { detail, bubbles: true }));
    const leaveEmpty = (slot: any, detail: Record<string, unknown>) => {
      slot.setAttribute('data-ad-state', 'empty');
      announce(slot, 'empty', detail);
    };
    const beacon = (url: string | null | undefined) => {
      if (!url) return;
      try {
        if (window.navigator.sendBeacon && window.navigator.sendBeacon(url)) return;
      } catch {
        /* refused: fall back to a fetch that outlives the page */
      }
      try {
        window.fetch(url, { method: 'POST', keepalive: true, mode: 'no-cors' }).catch(() => undefined);
      } catch {
        /* the beacon is lost; the page is not */
      }
    };

    // Each unit code once, in page order; a slot is handled once even if the script runs twice.
    const unitCode = new window.RegExp(contract.unitCode);
    const slots: Record<string, any> = {};
    const codes: string[] = [];
    for (const slot of Array.from(document.querySelectorAll('[data-ad-unit]:not([data-ad-state])')) as any[]) {
      const unit = slot.getAttribute('data-ad-unit');
      if (!unitCode.test(unit) || slots[unit] || codes.length >= contract.maxUnits) {
        leaveEmpty(slot, { unit, fill: 'none', reason: 'not-asked' });
        continue;
      }
      slot.setAttribute('data-ad-state', 'loading');
      slots[unit] = slot;
      codes.push(unit);
    }
    if (codes.length === 0) return;
    if (!siteKey || !decisionsUrl) {
      for (const unit of codes) leaveEmpty(slots[unit], { unit, fill: 'none', reason: 'no-site-key' });
      return;
    }

    const query = new window.URLSearchParams({ siteKey, units: codes.join(',') });
    for (const [name, value] of Object.entries(context)) if (typeof value === 'string' && value) query.set(name, value);
    const cap = storage && storage.getItem(capKey);
    if (cap) query.set(contract.params.cap, cap);

    const show = (unit: string, decision: AdUnitDecision | undefined) => {
      const slot = slots[unit];
      const ad = decision && decision.fill !== 'none' ? decision.ad : null;
      const detail = {
        unit,
        fill: decision ? decision.fill : 'none',
        ...(ad && { orderId: ad.orderId, lineId: ad.lineId, creativeId: ad.creativeId, kind: ad.kind, size: ad.size }),
      };
      let creative: any;
      try {
        creative = decision ? parts.renderAd(document, decision, slot.getAttribute('data-ad-size')) : null;
      } catch {
        creative = null;
      }
      if (!creative) return leaveEmpty(slot, { ...detail, reason: decision ? 'nothing-to-show' : 'not-answered' });

      const format = slot.getAttribute('data-ad-format');
      const floating = format === 'floating' || format === 'interstitial';
      const box = document.createElement('div');
      box.className = `revenue-ad revenue-ad-${floating ? format : 'fixed'}`;
      const label = document.createElement('span');
      label.className = 'revenue-ad-label';
      label.textContent = (ad && ad.label) || defaultLabel;
      box.appendChild(label);
      box.appendChild(creative);
      let stopWatching = () => undefined as void;
      if (floating) {
        box.style.cssText =
          format === 'interstitial'
            ? 'position:fixed;inset:0;z-index:2147483000;display:flex;flex-direction:column;align-items:center;justify-content:center;background:rgba(0,0,0,.7)'
            : 'position:fixed;bottom:0;left:50%;transform:translateX(-50%);z-index:2147483000;background:#fff;padding-top:4px';
        // Usable from the first moment (the law asks within 1.5 s): the reader can always dismiss it.
        const close = document.createElement('button');
        close.type = 'button';
        close.className = 'revenue-ad-close';
        close.setAttribute('aria-label', 'Đóng quảng cáo / Close ad');
        close.textContent = '×';
        close.style.cssText =
          'position:absolute;top:4px;right:4px;z-index:1;width:32px;height:32px;border:1px solid #888;border-radius:50%;background:#fff;color:#000;font:20px/1 sans-serif;cursor:pointer';
        close.addEventListener('click', () => {
          stopWatching();
          if (box.parentNode) box.parentNode.removeChild(box);
          slot.setAttribute('data-ad-state', 'closed');
          announce(slot, 'closed', detail);
        });
        box.appendChild(close);
      }
      slot.textContent = '';
      slot.appendChild(box);
      slot.setAttribute('data-ad-state', 'rendered');
      announce(slot, 'rendered', detail);
      if (!ad) return;
      beacon(ad.impressionUrl);
      announce(slot, 'impression', detail);
      stopWatching = parts.watchViewability(
        window,
        document,
        creative,
        parts.viewableThreshold(ad.size),
        parts.observeViewability,
        () => {
          beacon(ad.viewableUrl);
          announce(slot, 'viewable', detail);
        },
      );
    };

    window
      .fetch(`${decisionsUrl}${contract.path}?${query.toString()}`)
      .then((response: any) => (response.ok ? response.json() : null))
      .catch(() => null)
      .then((answer: AdDecisionAnswer | null) => {
        const units = answer && Array.isArray(answer.units) ? answer.units : [];
        try {
          if (storage && answer && typeof answer.capToken === 'string' && answer.capToken)
            storage.setItem(capKey, answer.capToken);
        } catch {
          /* private mode: caps count per page only */
        }
        for (const unit of codes) {
          try {
            show(
              unit,
              units.find((decision) => decision && decision.unit === unit),
            );
          } catch {
            /* one unit's failure leaves the others */
          }
        }
      })
      .catch(() => undefined);
  }
}

/** The endpoint's contract as the served snippet reads it. */
const AD_SNIPPET_CONTRACT: AdSnippetContract = {
  path: ADS_DECISIONS_PATH,
  unitCode: AD_SLUG.source,
  maxUnits: AD_DECISION_MAX_UNITS,
  params: { article: AD_REQUEST_ARTICLE_PARAM, reader: AD_REQUEST_READER_PARAM, cap: AD_REQUEST_CAP_PARAM },
};

/** What `GET /ads.js` serves: the function above with its parts, called on the page. */
export const AD_SNIPPET_SOURCE = `(${adSnippet.toString()})(window, document, ${JSON.stringify(AD_SNIPPET_CONTRACT)}, {
  renderAd: ${renderAd.toString()},
  watchViewability: ${watchViewability.toString()},
  viewableThreshold: ${viewableThreshold.toString()},
  observeViewability: ${observeViewability.toString()},
});
`;
