import { ADS_EVENTS_PATH, AD_BEACON_PARAM, AD_CLICK_DESTINATION_PARAM } from '@libs/contracts';
import { BeaconTokens } from './beacon-tokens';

/** What one ad served is, as its beacons name it. */
export interface ServedAd {
  tenantId: string;
  siteId: string;
  orderId: string;
  lineId: string;
  adUnitId: string;
  creative: { creativeId: string; clickUrl: string | null };
}

export interface AdBeaconUrls {
  impressionUrl: string;
  viewableUrl: string;
  clickThroughUrl: string | null;
}

interface Placement {
  lineId: string;
  siteId: string;
  clickUrl: string | null;
  bytes: Buffer;
  /** `&to=<landing page>`, encoded once. */
  destination: string;
}

/** Read once (an imported name is read through the contracts barrel's getters at each use): every ad served asks. */
const IMPRESSION = `${ADS_EVENTS_PATH}/impression?${AD_BEACON_PARAM}=`;
const VIEWABLE = `${ADS_EVENTS_PATH}/viewable?${AD_BEACON_PARAM}=`;
const CLICK = `${ADS_EVENTS_PATH}/click?${AD_BEACON_PARAM}=`;
const DESTINATION = `&${AD_CLICK_DESTINATION_PARAM}=`;

/**
 * The signed impression, viewable and click URLs of each ad a decision serves: one beacon (one
 * MAC) per ad. What a creative's beacons share is encoded once and kept with the creative as
 * memory holds it, so it goes when the creative leaves memory.
 */
export class BeaconUrls {
  private readonly placements = new WeakMap<object, Placement>();

  constructor(private readonly tokens: BeaconTokens) {}

  urlsOf(ad: ServedAd, decidedAt: number, articleId: string): AdBeaconUrls {
    const placement = this.placementOf(ad);
    const token = this.tokens.sign(placement.bytes, decidedAt, articleId);
    return {
      impressionUrl: IMPRESSION + token,
      viewableUrl: VIEWABLE + token,
      clickThroughUrl: placement.clickUrl === null ? null : CLICK + token + placement.destination,
    };
  }

  private placementOf(ad: ServedAd): Placement {
    const known = this.placements.get(ad.creative);
    if (known && known.lineId === ad.lineId && known.siteId === ad.siteId && known.clickUrl === ad.creative.clickUrl)
      return known;
    const clickUrl = ad.creative.clickUrl;
    const placement: Placement = {
      lineId: ad.lineId,
      siteId: ad.siteId,
      clickUrl,
      bytes: BeaconTokens.placementOf({ ...ad, creativeId: ad.creative.creativeId, clickUrl }),
      destination: clickUrl === null ? '' : DESTINATION + encodeURIComponent(clickUrl),
    };
    this.placements.set(ad.creative, placement);
    return placement;
  }
}
