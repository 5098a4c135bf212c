/* eslint-disable @typescript-eslint/no-explicit-any -- this function runs in readers' browsers; it sees the DOM as plain objects. */
import type { AdUnitDecision } from '@libs/contracts';

/**
 * The element that shows one unit's answer, or null when there is nothing to show (no fill, or an
 * ad without what its kind needs). Whatever an advertiser wrote stays out of the page's own
 * document: an image, an HTML5 creative, a tag and a passback each go into a sandboxed iframe that
 * is never same-origin with the page (no `allow-same-origin`); a native ad is built from elements
 * whose text is set as text, never parsed as HTML. Clicks go to the signed `clickThroughUrl`, which
 * counts the click and redirects, in a new tab.
 *
 * Self-contained (no imports at run time): `/ads.js` serves its source.
 */
export function renderAd(document: any, decision: AdUnitDecision, slotSize: string | null): any {
  const WITHOUT_SCRIPTS = 'allow-popups allow-popups-to-escape-sandbox';
  const WITH_SCRIPTS = 'allow-scripts allow-popups allow-popups-to-escape-sandbox';
  const LINK_REL = 'noopener noreferrer sponsored';
  const attribute = (value: string) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const frame = (sandbox: string, size: string | null | undefined, title: string) => {
    const iframe = document.createElement('iframe');
    iframe.setAttribute('sandbox', sandbox);
    iframe.setAttribute('scrolling', 'no');
    iframe.setAttribute('title', title);
    iframe.style.border = '0';
    iframe.style.display = 'block';
    const match = /^(\d+)x(\d+)$/.exec(String(size || ''));
    if (match) {
      iframe.setAttribute('width', match[1]);
      iframe.setAttribute('height', match[2]);
    } else iframe.style.width = '100%';
    return iframe;
  };

  if (decision.fill === 'passback') {
    if (!decision.passback) return null;
    const iframe = frame(WITH_SCRIPTS, slotSize, 'Quảng cáo');
    iframe.setAttribute('srcdoc', decision.passback);
    return iframe;
  }
  const ad = decision.ad;
  if (decision.fill === 'none' || !ad) return null;
  const title = ad.label || ad.headline || 'Quảng cáo';
  switch (ad.kind) {
    case 'image': {
      if (!ad.contentUrl) return null;
      const size = /^(\d+)x(\d+)$/.exec(ad.size);
      const image =
        `<img src="${attribute(ad.contentUrl)}" alt="${attribute(ad.headline || '')}"` +
        (size ? ` width="${size[1]}" height="${size[2]}"` : '') +
        ' style="display:block;border:0;max-width:100%;height:auto">';
      const body = ad.clickThroughUrl
        ? `<a href="${attribute(ad.clickThroughUrl)}" target="_blank" rel="${LINK_REL}">${image}</a>`
        : image;
      const iframe = frame(WITHOUT_SCRIPTS, ad.size, title);
      iframe.setAttribute(
        'srcdoc',
        `<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0">${body}</body></html>`,
      );
      return iframe;
    }
    case 'html5': {
      if (!ad.contentUrl) return null;
      // The IAB's convention: an HTML5 creative opens the `clickTag` it is given.
      const clickTag = ad.clickThroughUrl
        ? `${ad.contentUrl.includes('?') ? '&' : '?'}clickTag=${encodeURIComponent(ad.clickThroughUrl)}`
        : '';
      const iframe = frame(WITH_SCRIPTS, ad.size, title);
      iframe.setAttribute('src', ad.contentUrl + clickTag);
      return iframe;
    }
    case 'tag': {
      if (!ad.markup) return null;
      const iframe = frame(WITH_SCRIPTS, ad.size, title);
      iframe.setAttribute('srcdoc', ad.markup);
      return iframe;
    }
    case 'native': {
      if (!ad.headline && !ad.contentUrl) return null;
      const box = document.createElement('div');
      box.className = 'revenue-ad-native';
      const link = document.createElement(ad.clickThroughUrl ? 'a' : 'div');
      if (ad.clickThroughUrl) {
        link.setAttribute('href', ad.clickThroughUrl);
        link.setAttribute('target', '_blank');
        link.setAttribute('rel', LINK_REL);
        if (ad.clickUrl) link.setAttribute('title', ad.clickUrl);
      }
      if (ad.contentUrl) {
        const image = document.createElement('img');
        image.setAttribute('src', ad.contentUrl);
        image.setAttribute('alt', '');
        image.className = 'revenue-ad-image';
        link.appendChild(image);
      }
      if (ad.headline) {
        const headline = document.createElement('span');
        headline.className = 'revenue-ad-headline';
        headline.textContent = ad.headline;
        link.appendChild(headline);
      }
      box.appendChild(link);
      return box;
    }
    default:
      return null;
  }
}
