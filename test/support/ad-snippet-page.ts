import type { AdCreativeAnswer, AdDecisionAnswer } from '@libs/contracts';
import { AD_SNIPPET_SOURCE } from '../../apps/gateway/src/ad-snippet/ad-snippet';

/* eslint-disable @typescript-eslint/no-explicit-any -- stand-ins for the browser's own objects */

// Loaded untyped: jsdom's types reference the DOM library, which would then retype Node's own
// globals (fetch's body, timers) for every service in the program.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JSDOM, VirtualConsole } = require('jsdom') as {
  JSDOM: new (html: string, options?: object) => { window: any };
  VirtualConsole: new () => { on(event: 'jsdomError', listener: (error: unknown) => void): void };
};

/** The document some HTML makes (an iframe's `srcdoc`, say). */
export const documentOf = (html: string): any => new JSDOM(html).window.document;

/** A stand-in for the page's timers and `performance.now()`, moved by hand. */
class PageClock {
  now = 0;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; run: () => void }>();
  setTimeout = (run: () => void, ms = 0): number => {
    const id = this.nextId++;
    this.timers.set(id, { at: this.now + ms, run });
    return id;
  };
  clearTimeout = (id: number): void => {
    this.timers.delete(id);
  };
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = due[1].at;
      due[1].run();
    }
    this.now = until;
  }
}

/** An IntersectionObserver whose reports the test makes: `report(0.6)` says 60 % of the ad is in view. */
class PageIntersectionObserver {
  readonly targets: any[] = [];
  disconnected = false;
  constructor(
    private readonly callback: (entries: object[]) => void,
    readonly options: { threshold: number[] },
  ) {}
  observe(target: any): void {
    this.targets.push(target);
  }
  disconnect(): void {
    this.disconnected = true;
  }
  report(fraction: number): void {
    if (this.disconnected) return;
    this.callback(
      this.targets.map((target) => ({ target, intersectionRatio: fraction, isIntersecting: fraction > 0 })),
    );
  }
}

export interface PageOptions {
  /** The slots, as HTML. */
  slots: string;
  /** The decision endpoint's answer, its HTTP status when not 200, or a network failure. */
  answer?: AdDecisionAnswer | { status: number } | Error;
  /** Instead of `answer`: the network the page's fetch goes to (Node's own, to reach real servers). */
  network?: (url: string, init?: object) => Promise<unknown>;
  /** The script the page runs: by default `/ads.js` as the gateway serves it. */
  source?: string;
  /** The script tag's data attributes. */
  dataset?: Record<string, string>;
  /** What the page sets before the script runs (`revenueAds`, `revenuePaywall`, `innerWidth`). */
  globals?: Record<string, unknown>;
  /** localStorage of the site's origin before the script runs. */
  stored?: Record<string, string>;
  /** What the browser's sendBeacon does: accept the beacon, refuse it, or not exist. */
  sendBeacon?: 'accepts' | 'refuses' | 'absent';
}

/**
 * A page in jsdom running the served `/ads.js` as an inline script, with the browser's network,
 * timers and IntersectionObserver replaced by stand-ins the test reads and moves.
 */
export async function pageWithAds(options: PageOptions) {
  const errors: unknown[] = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('jsdomError', (error: unknown) => errors.push(error));
  const dom = new JSDOM(`<!doctype html><html><body>${options.slots}</body></html>`, {
    url: 'https://tinnhanh.vn/thoi-su/bai-1',
    runScripts: 'dangerously',
    pretendToBeVisual: true,
    virtualConsole,
  });
  const window = dom.window as any;
  const document = window.document;
  const clock = new PageClock();
  const requests: { url: string; init?: any }[] = [];
  const beacons: string[] = [];
  const observers: PageIntersectionObserver[] = [];
  const events: { name: string; unit: string; detail: any }[] = [];
  let visibility = 'visible';

  window.setTimeout = clock.setTimeout;
  window.clearTimeout = clock.clearTimeout;
  Object.defineProperty(window.performance, 'now', { value: () => clock.now, configurable: true });
  Object.defineProperty(document, 'visibilityState', { get: () => visibility, configurable: true });
  window.IntersectionObserver = class extends PageIntersectionObserver {
    constructor(callback: (entries: object[]) => void, init: { threshold: number[] }) {
      super(callback, init);
      observers.push(this);
    }
  };
  if (options.sendBeacon !== 'absent')
    window.navigator.sendBeacon = (url: string) => {
      beacons.push(url);
      return options.sendBeacon !== 'refuses';
    };
  window.fetch = (url: string, init?: any) => {
    requests.push({ url, init });
    if (options.network) return options.network(url, init);
    const answer = options.answer ?? new Error('no answer');
    if (init) return Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve({}) });
    if (answer instanceof Error) return Promise.reject(answer);
    const status = 'status' in answer ? answer.status : 200;
    return Promise.resolve({ ok: status < 300, status, json: () => Promise.resolve(answer) });
  };
  for (const [name, value] of Object.entries(options.globals ?? {}))
    Object.defineProperty(window, name, { value, configurable: true, writable: true });
  for (const [key, value] of Object.entries(options.stored ?? {})) window.localStorage.setItem(key, value);
  for (const name of ['rendered', 'empty', 'impression', 'viewable', 'closed'])
    document.addEventListener(`revenue-ads:${name}`, (event: any) =>
      events.push({
        name,
        unit: event.target.getAttribute('data-ad-unit'),
        detail: JSON.parse(JSON.stringify(event.detail)),
      }),
    );

  const script = document.createElement('script');
  for (const [name, value] of Object.entries(options.dataset ?? {})) script.dataset[name] = value;
  script.textContent = options.source ?? AD_SNIPPET_SOURCE;
  document.body.appendChild(script);
  const settle = async () => {
    for (let turn = 0; turn < 10; turn++) await new Promise((resolve) => setImmediate(resolve));
  };
  await settle();

  return {
    window,
    document,
    clock,
    requests,
    beacons,
    observers,
    events,
    errors,
    settle,
    slot: (unit: string) => document.querySelector(`[data-ad-unit="${unit}"]`),
    setVisibility(state: 'visible' | 'hidden') {
      visibility = state;
      document.dispatchEvent(new window.Event('visibilitychange'));
    },
    /** The names of the events one unit's slot dispatched, in order. */
    eventsOf: (unit: string) => events.filter((e) => e.unit === unit).map((e) => e.name),
  };
}

/** An ad of the answer, with beacons signed by the ad server. */
export function adAnswer(overrides: Partial<AdCreativeAnswer> = {}): AdCreativeAnswer {
  const id = overrides.creativeId ?? 'c1';
  return {
    orderId: 'o1',
    lineId: 'l1',
    creativeId: id,
    kind: 'image',
    size: '300x250',
    contentUrl: `https://ads.tinnhanh.vn/v1/ads/creatives/${id}/content`,
    sha256: null,
    markup: null,
    headline: null,
    label: null,
    clickUrl: 'https://thuong-hieu.example.vn/',
    impressionUrl: `https://ads.tinnhanh.vn/v1/ads/impressions/${id}.sig`,
    viewableUrl: `https://ads.tinnhanh.vn/v1/ads/viewables/${id}.sig`,
    clickThroughUrl: `https://ads.tinnhanh.vn/v1/ads/clicks/${id}.sig`,
    ...overrides,
  };
}
