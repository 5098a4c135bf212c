import type { CreativeKind } from './creative.rpc';

/** Where advertising's own public server answers pages' ad requests. */
export const ADS_DECISIONS_PATH = '/v1/ads/decisions';

/** Units one page may ask for at once. */
export const AD_DECISION_MAX_UNITS = 20;

/** The ad to render in one unit of a page. */
export interface AdCreativeAnswer {
  orderId: string;
  lineId: string;
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
  clickUrl: string | null;
}

/** One unit's answer: the ad, or nothing (`ad: null`; house ads and passbacks are yet to come). */
export interface AdUnitDecision {
  unit: string;
  ad: AdCreativeAnswer | null;
}

export interface AdDecisionAnswer {
  units: AdUnitDecision[];
}
