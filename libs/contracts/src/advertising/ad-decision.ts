import type { CreativeKind } from './creative.rpc';

/** Where advertising's own public server answers pages' ad requests. */
export const ADS_DECISIONS_PATH = '/v1/ads/decisions';

/**
 * Where advertising's own public server serves approved stored creatives, content-addressed:
 * `<path>/<sha256>` an image, `<path>/<sha256>/<entry>` a file of an HTML5 zip.
 */
export const ADS_CREATIVES_PATH = '/v1/ads/creatives';

/**
 * Where pages send beacons, on the same origin as the decisions (advertising's public server):
 * `<ADS_EVENTS_PATH>/<kind>?b=<beacon>`, by GET or by POST with an empty body (`navigator.sendBeacon`).
 * Each answers 204 (a click: 302 to the creative's landing page); a beacon counts once per kind.
 */
export const ADS_EVENTS_PATH = '/v1/ads/events';

/** What a beacon counts: the ad rendered, was seen (viewable), or was clicked. */
export const AD_EVENT_KINDS = ['impression', 'viewable', 'click'] as const;
export type AdEventKind = (typeof AD_EVENT_KINDS)[number];

/** The beacon's query parameter: what the decision signed (ids, decision time, article). */
export const AD_BEACON_PARAM = 'b';
/** A click's landing page, bound to its beacon by the signature: any other is refused, never followed. */
export const AD_CLICK_DESTINATION_PARAM = 'to';
/** Hours after its decision a beacon still counts; an older one is refused (a replay). */
export const AD_BEACON_WINDOW_HOURS = 24;

/** Units one page may ask for at once. */
export const AD_DECISION_MAX_UNITS = 20;

/** The ad to render in one unit of a page. */
export interface AdCreativeAnswer {
  /** The sold line's order and line; null for a house ad. */
  orderId: string | null;
  lineId: string | null;
  creativeId: string;
  kind: CreativeKind;
  size: string;
  /**
   * The stored file to render, absolute: an image (a native creative's too), or an HTML5 creative's
   * entry file (render it in a sandboxed iframe); null for a tag (`markup`).
   */
  contentUrl: string | null;
  sha256: string | null;
  /** A third-party tag's markup, rendered in a sandboxed iframe. */
  markup: string | null;
  headline: string | null;
  label: string | null;
  /** The advertiser's landing page (shown on hover); a page links to `clickThroughUrl`, never here. */
  clickUrl: string | null;
  /**
   * Signed beacon counting the impression once: request it when the ad has rendered. Beacon URLs
   * are path-absolute, on the origin the decision was asked from.
   */
  impressionUrl: string;
  /** Signed beacon counting the viewable impression once (MRC: 50 % of pixels for 1 s, 30 % for large units). */
  viewableUrl: string;
  /** Signed click URL: counts the click once and redirects to `clickUrl`. Null when the creative has no landing page. */
  clickThroughUrl: string | null;
}

/**
 * What fills a unit: a sold `line`, the agency's `house` ad, the unit's `passback` tag when nothing
 * sold wins, or `none` (an ad-free reader, or nothing to show).
 */
export const AD_FILLS = ['line', 'house', 'passback', 'none'] as const;
export type AdFill = (typeof AD_FILLS)[number];

/** One unit's answer. */
export interface AdUnitDecision {
  unit: string;
  fill: AdFill;
  /** The ad to render (`line` and `house`); null otherwise. */
  ad: AdCreativeAnswer | null;
  /** The passback tag's markup (`passback`), rendered in a sandboxed iframe; null otherwise. */
  passback: string | null;
}

/** The entitlement key that spares a reader every ad (as subscriptions' products grant it). */
export const AD_FREE_ENTITLEMENT = 'ad-free';

/** Query parameters a page sends (besides `siteKey`, `units`, `section`, `device`). */
export const AD_REQUEST_ARTICLE_PARAM = 'article';
/** The paywall's reader token, when the reader is logged in (ad-free and subscriber targeting). */
export const AD_REQUEST_READER_PARAM = 'reader';
/** The frequency-cap token the previous answer gave (`capToken`). */
export const AD_REQUEST_CAP_PARAM = 'cap';

export interface AdDecisionAnswer {
  units: AdUnitDecision[];
  /**
   * The reader's frequency-cap state after this page, signed: the page keeps it first-party
   * (localStorage) and sends it back as `cap`. Null when no line served here has a cap.
   */
  capToken: string | null;
}
