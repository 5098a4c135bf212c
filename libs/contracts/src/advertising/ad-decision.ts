import type { CreativeKind } from './creative.rpc';

/** Where advertising's own public server answers pages' ad requests. */
export const ADS_DECISIONS_PATH = '/v1/ads/decisions';

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
  /** The stored file (image, HTML5 zip) to render; null until advertising serves creative files (a tag or native creative has its fields). */
  contentUrl: string | null;
  sha256: string | null;
  /** A third-party tag's markup, rendered in a sandboxed iframe. */
  markup: string | null;
  headline: string | null;
  label: string | null;
  /** The advertiser's landing page (shown on hover); a page links to `clickThroughUrl`, never here. */
  clickUrl: string | null;
  /** Signed beacon counting the impression once: request it when the ad has rendered. */
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
