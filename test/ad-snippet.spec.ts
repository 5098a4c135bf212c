import { Script } from 'node:vm';
import type { AdDecisionAnswer, AdUnitDecision } from '@libs/contracts';
import { AD_SNIPPET_SOURCE } from '../apps/gateway/src/ad-snippet/ad-snippet';
import { adAnswer, documentOf, pageWithAds } from './support/ad-snippet-page';

/* eslint-disable @typescript-eslint/no-explicit-any -- elements of the page in jsdom */

const DATASET = { siteKey: 'pk_site', decisionsUrl: 'https://ads.tinnhanh.vn/' };
const line = (unit: string, ad = adAnswer()): AdUnitDecision => ({ unit, fill: 'line', ad, passback: null });
const answer = (units: AdUnitDecision[], capToken: string | null = null): AdDecisionAnswer => ({ units, capToken });
/** The document an iframe's `srcdoc` makes. */
const frameDocument = (iframe: any) => documentOf(iframe.getAttribute('srcdoc'));

/** One fixed 300x250 image ad in `top`, or the given ad. */
const onePage = (ad = adAnswer(), slot = '<div data-ad-unit="top"></div>') =>
  pageWithAds({ slots: slot, answer: answer([line('top', ad)]), dataset: DATASET });

describe('the ad snippet (ads.js) on a page', () => {
  it('asks once for every unit of the page, with its context, the reader token and the cap token it was given', async () => {
    const page = await pageWithAds({
      slots: `<div data-ad-unit="top-banner"></div><div data-ad-unit="Not A Code"></div><main>
        <div data-ad-unit="sidebar"></div><div data-ad-unit="top-banner"></div><div data-ad-unit="in-article"></div></main>`,
      answer: answer([], 'cap-2'),
      dataset: { ...DATASET, section: 'thoi-su', articleId: 'bai-1' },
      globals: { innerWidth: 400, revenuePaywall: { readerToken: 'r.k1.mac' } },
      stored: { 'revenue-ads:cap:pk_site': 'cap-1' },
    });
    expect(page.requests).toHaveLength(1);
    const asked = new URL(page.requests[0].url);
    expect(asked.origin + asked.pathname).toBe('https://ads.tinnhanh.vn/v1/ads/decisions');
    expect(Object.fromEntries(asked.searchParams)).toEqual({
      siteKey: 'pk_site',
      units: 'top-banner,sidebar,in-article',
      section: 'thoi-su',
      device: 'mobile',
      article: 'bai-1',
      reader: 'r.k1.mac',
      cap: 'cap-1',
    });
    expect(page.window.localStorage.getItem('revenue-ads:cap:pk_site')).toBe('cap-2');
    // a code the endpoint would refuse, and a unit twice, are not asked: they stay empty
    expect(page.events.filter((e) => e.name === 'empty').map((e) => [e.unit, e.detail.reason])).toEqual([
      ['Not A Code', 'not-asked'],
      ['top-banner', 'not-asked'],
      ['top-banner', 'not-answered'],
      ['sidebar', 'not-answered'],
      ['in-article', 'not-answered'],
    ]);
    expect(page.errors).toEqual([]);
  });

  it('tells the device from the viewport unless the page says it, and keeps a cap token no answer replaces', async () => {
    const wide = await pageWithAds({
      slots: '<div data-ad-unit="top"></div>',
      answer: answer([]),
      dataset: DATASET,
      globals: { innerWidth: 900 },
      stored: { 'revenue-ads:cap:pk_site': 'cap-1' },
    });
    expect(new URL(wide.requests[0].url).searchParams.get('device')).toBe('tablet');
    expect(wide.window.localStorage.getItem('revenue-ads:cap:pk_site')).toBe('cap-1');
    const told = await pageWithAds({
      slots: '<div data-ad-unit="top"></div>',
      answer: answer([]),
      dataset: { ...DATASET, device: 'desktop' },
      globals: { innerWidth: 400, revenueAds: { readerToken: 'r.own' } },
    });
    const query = new URL(told.requests[0].url).searchParams;
    expect([query.get('device'), query.get('reader'), query.has('cap')]).toEqual(['desktop', 'r.own', false]);
  });

  it('renders each kind in an iframe sandboxed away from the page, sized by the answer, under its label', async () => {
    const image = adAnswer({
      size: '728x90',
      contentUrl: 'https://ads.tinnhanh.vn/c/1.png?x="><script>alert(1)</script>',
    });
    const html5 = adAnswer({ creativeId: 'c2', kind: 'html5', size: '300x600', label: 'Tài trợ' });
    const tag = adAnswer({ creativeId: 'c3', kind: 'tag', size: '300x250', contentUrl: null, markup: '<b>tag</b>' });
    const page = await pageWithAds({
      slots: ['top', 'side', 'tag', 'back" data-ad-size="320x50', 'none']
        .map((unit) => `<div data-ad-unit="${unit}"></div>`)
        .join(''),
      answer: answer([
        line('top', image),
        line('side', html5),
        line('tag', tag),
        { unit: 'back', fill: 'passback', ad: null, passback: '<i>network</i>' },
        { unit: 'none', fill: 'none', ad: null, passback: null },
      ]),
      dataset: DATASET,
    });
    const frame = (unit: string) => page.slot(unit).querySelector('iframe');
    const sandbox = (unit: string) => frame(unit).getAttribute('sandbox').split(' ').sort();
    for (const unit of ['top', 'side', 'tag', 'back'])
      expect(sandbox(unit)).not.toEqual(expect.arrayContaining(['allow-same-origin']));

    expect(sandbox('top')).toEqual(['allow-popups', 'allow-popups-to-escape-sandbox']);
    expect([frame('top').getAttribute('width'), frame('top').getAttribute('height')]).toEqual(['728', '90']);
    const banner = frameDocument(frame('top'));
    const link = banner.querySelector('a')!;
    expect([link.href, link.target, link.rel]).toEqual([
      image.clickThroughUrl,
      '_blank',
      'noopener noreferrer sponsored',
    ]);
    expect(link.querySelector('img')!.getAttribute('src')).toBe(image.contentUrl);
    expect(banner.querySelector('script')).toBeNull();

    expect(sandbox('side')).toEqual(['allow-popups', 'allow-popups-to-escape-sandbox', 'allow-scripts']);
    expect(frame('side').getAttribute('src')).toBe(
      `${html5.contentUrl}?clickTag=${encodeURIComponent(html5.clickThroughUrl!)}`,
    );
    expect(frame('side').getAttribute('height')).toBe('600');
    expect(sandbox('tag')).toEqual(['allow-popups', 'allow-popups-to-escape-sandbox', 'allow-scripts']);
    expect(frame('tag').getAttribute('srcdoc')).toBe('<b>tag</b>');
    expect(sandbox('back')).toEqual(['allow-popups', 'allow-popups-to-escape-sandbox', 'allow-scripts']);
    expect(frame('back').getAttribute('srcdoc')).toBe('<i>network</i>');
    expect(frame('back').getAttribute('width')).toBe('320');

    const label = (unit: string) => page.slot(unit).querySelector('.revenue-ad-label')?.textContent;
    expect(['top', 'side', 'tag', 'back', 'none'].map(label)).toEqual([
      'Quảng cáo',
      'Tài trợ',
      'Quảng cáo',
      'Quảng cáo',
      undefined,
    ]);
    expect(page.slot('none').getAttribute('data-ad-state')).toBe('empty');
    expect(page.events.filter((e) => e.name === 'rendered').map((e) => e.detail)).toEqual([
      { unit: 'top', fill: 'line', orderId: 'o1', lineId: 'l1', creativeId: 'c1', kind: 'image', size: '728x90' },
      { unit: 'side', fill: 'line', orderId: 'o1', lineId: 'l1', creativeId: 'c2', kind: 'html5', size: '300x600' },
      { unit: 'tag', fill: 'line', orderId: 'o1', lineId: 'l1', creativeId: 'c3', kind: 'tag', size: '300x250' },
      { unit: 'back', fill: 'passback' },
    ]);
    expect(page.eventsOf('none')).toEqual(['empty']);
  });

  it("shows a native ad's words as text under its label, never parsed as HTML", async () => {
    const headline = '<img src=x onerror="alert(1)">Mua ngay';
    const native = adAnswer({ kind: 'native', size: 'native', headline, label: 'Tài trợ bởi Thương hiệu' });
    const page = await onePage(native);
    const slot = page.slot('top');
    expect(slot.querySelector('iframe')).toBeNull();
    expect(slot.querySelector('.revenue-ad-label').textContent).toBe('Tài trợ bởi Thương hiệu');
    const shown = slot.querySelector('.revenue-ad-headline');
    expect([shown.textContent, shown.children.length]).toEqual([headline, 0]);
    expect([...slot.querySelectorAll('img')].map((img: any) => img.getAttribute('src'))).toEqual([native.contentUrl]);
    const link = slot.querySelector('a');
    expect([link.getAttribute('href'), link.target, link.rel]).toEqual([
      native.clickThroughUrl,
      '_blank',
      'noopener noreferrer sponsored',
    ]);
  });

  it('requests the impression once rendered, and the viewable impression after one continuous second at half its pixels', async () => {
    const ad = adAnswer();
    const page = await onePage(ad);
    expect(page.beacons).toEqual([ad.impressionUrl]);
    expect(page.eventsOf('top')).toEqual(['rendered', 'impression']);
    const [observer] = page.observers;
    expect(observer.targets).toEqual([page.slot('top').querySelector('iframe')]);
    expect(observer.options.threshold).toContain(0.5);
    // two half-seconds in view are not one second
    observer.report(0.6);
    page.clock.advance(500);
    observer.report(0.2);
    page.clock.advance(100);
    observer.report(0.6);
    page.clock.advance(999);
    expect(page.beacons).toEqual([ad.impressionUrl]);
    page.clock.advance(1);
    expect(page.beacons).toEqual([ad.impressionUrl, ad.viewableUrl]);
    expect(page.eventsOf('top')).toEqual(['rendered', 'impression', 'viewable']);
    observer.report(0.1);
    observer.report(1);
    page.clock.advance(5000);
    expect(page.beacons).toEqual([ad.impressionUrl, ad.viewableUrl]);
    expect(observer.disconnected).toBe(true);
  });

  it('counts 30 % of a large ad in view, and never half its threshold', async () => {
    const large = await onePage(adAnswer({ size: '970x250' }));
    const [observer] = large.observers;
    observer.report(0.25);
    large.clock.advance(3000);
    expect(large.eventsOf('top')).toEqual(['rendered', 'impression']);
    observer.report(0.3);
    large.clock.advance(1000);
    expect(large.eventsOf('top')).toEqual(['rendered', 'impression', 'viewable']);
  });

  it('pauses the second in view while the tab is hidden, and counts a whole second once shown again', async () => {
    const ad = adAnswer();
    const page = await onePage(ad);
    page.observers[0].report(1);
    page.clock.advance(700);
    page.setVisibility('hidden');
    page.clock.advance(2000);
    expect(page.beacons).toEqual([ad.impressionUrl]);
    page.setVisibility('visible');
    page.clock.advance(999);
    expect(page.beacons).toEqual([ad.impressionUrl]);
    page.clock.advance(1);
    expect(page.beacons).toEqual([ad.impressionUrl, ad.viewableUrl]);
  });

  it('gives a floating or interstitial ad a close control from its first moment, which removes it', async () => {
    const page = await pageWithAds({
      slots: `<div data-ad-unit="fixed"></div><div data-ad-unit="sticky" data-ad-format="floating"></div>
        <div data-ad-unit="cover" data-ad-format="interstitial"></div>`,
      answer: answer([line('fixed'), line('sticky', adAnswer({ creativeId: 'c2' })), line('cover')]),
      dataset: DATASET,
    });
    // no time has passed since the ads were rendered
    expect(page.clock.now).toBe(0);
    expect(page.slot('fixed').querySelector('.revenue-ad-close')).toBeNull();
    for (const unit of ['sticky', 'cover']) {
      const close = page.slot(unit).querySelector('button.revenue-ad-close');
      expect([close.type, close.getAttribute('aria-label'), close.disabled]).toEqual([
        'button',
        'Đóng quảng cáo / Close ad',
        false,
      ]);
    }
    page.slot('sticky').querySelector('button.revenue-ad-close').click();
    expect(page.slot('sticky').children).toHaveLength(0);
    expect(page.slot('sticky').getAttribute('data-ad-state')).toBe('closed');
    expect(page.eventsOf('sticky')).toEqual(['rendered', 'impression', 'closed']);
    // a closed ad is no longer watched: it never becomes viewable
    const sticky = page.observers[1];
    expect(sticky.disconnected).toBe(true);
    sticky.report(1);
    page.clock.advance(2000);
    expect(page.beacons).not.toContain(adAnswer({ creativeId: 'c2' }).viewableUrl);
  });

  it.each<[string, AdDecisionAnswer | { status: number } | Error]>([
    ['the endpoint cannot be reached', new Error('offline')],
    ['the endpoint refuses the request', { status: 400 }],
    ['the answer is not one', { units: 'nope' } as unknown as AdDecisionAnswer],
  ])('leaves every slot empty and tells the site when %s, without an error in the page', async (_, failure) => {
    const page = await pageWithAds({
      slots: '<div data-ad-unit="top"></div><div data-ad-unit="side"></div>',
      answer: failure,
      dataset: DATASET,
    });
    expect(page.document.querySelectorAll('iframe, .revenue-ad')).toHaveLength(0);
    expect(page.events.map((e) => [e.name, e.unit, e.detail.reason])).toEqual([
      ['empty', 'top', 'not-answered'],
      ['empty', 'side', 'not-answered'],
    ]);
    expect(page.errors).toEqual([]);
  });

  it('asks nothing without a site key, and leaves the slots empty', async () => {
    const page = await pageWithAds({
      slots: '<div data-ad-unit="top"></div>',
      answer: answer([line('top')]),
      dataset: { decisionsUrl: DATASET.decisionsUrl },
    });
    expect(page.requests).toEqual([]);
    expect(page.events.map((e) => [e.name, e.detail.reason])).toEqual([['empty', 'no-site-key']]);
  });

  it.each(['refuses', 'absent'] as const)(
    'sends a beacon the browser %s as a keepalive fetch instead',
    async (sendBeacon) => {
      const ad = adAnswer();
      const page = await pageWithAds({
        slots: '<div data-ad-unit="top"></div>',
        answer: answer([line('top', ad)]),
        dataset: DATASET,
        sendBeacon,
      });
      expect(page.requests.slice(1)).toEqual([
        { url: ad.impressionUrl, init: { method: 'POST', keepalive: true, mode: 'no-cors' } },
      ]);
    },
  );

  it('is served as a script a browser can parse', () => {
    expect(() => new Script(AD_SNIPPET_SOURCE)).not.toThrow();
  });
});
