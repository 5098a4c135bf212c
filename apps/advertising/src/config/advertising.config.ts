import { IsInt, Matches, Max, Min, ValidateBy } from 'class-validator';
import { IsSigningKeys, ServiceEnv } from '@libs/common';
import { parseDataCentreNetworks } from './data-centre-networks';

const HTTP_URL = /^https?:\/\/[^/\s]+(\/[^\s]*[^/\s])?$/;

export class AdvertisingEnv extends ServiceEnv {
  override HTTP_PORT: number = 3003;

  /** Where the public ad decision endpoint listens (its own server; 0 picks a free port). */
  @IsInt()
  @Min(0)
  @Max(65535)
  ADVERTISING_PUBLIC_PORT: number = 3013;

  /**
   * Keys that sign advertising's own tokens (beacon and click URLs, frequency-cap tokens):
   * `id:base64-of-32-bytes`, comma-separated; the first signs, all verify (a new key goes first).
   */
  @IsSigningKeys()
  ADVERTISING_TOKEN_KEYS: string = '';

  /**
   * The paywall's keys, to read the reader tokens pages already carry (who is logged in, for
   * ad-free readers and subscriber targeting). Advertising never signs with them.
   */
  @IsSigningKeys()
  PAYWALL_TOKEN_KEYS: string = '';

  /**
   * How pages reach that server (an ingress routes `/v1/ads/` there): ad decisions answer creative
   * files as `<this>/v1/ads/creatives/<sha256>`.
   */
  @Matches(HTTP_URL, { message: 'must be an http(s) URL without a trailing slash, e.g. https://ads.example.com' })
  ADVERTISING_PUBLIC_BASE_URL: string = 'http://127.0.0.1:3013';

  /**
   * Minutes after an agency-local day ends before its delivery is recorded for finance
   * (DeliveryRecorded): beacons arriving later are in the reports but not in what was recorded.
   */
  @IsInt()
  @Min(0)
  @Max(10_080)
  DELIVERY_SETTLING_MINUTES: number = 120;

  /** Where an advertiser's browser goes once it paid an order on a rail (the agency's page for advertisers). */
  @Matches(/^https?:\/\/[^/\s]+(\/[^\s]*)?$/, { message: 'must be an http(s) URL, e.g. https://ads.example.vn/paid' })
  ADVERTISER_RETURN_URL: string = 'http://127.0.0.1:3000/';

  /**
   * Networks whose beacons are not counted (data centres: no reader browses from them): CIDRs
   * and the word `builtin` (a seed of cloud and hosting providers' blocks), comma-separated;
   * `none` for none.
   */
  @ValidateBy({
    name: 'dataCentreNetworks',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseDataCentreNetworks(value) !== null,
      defaultMessage: () => 'must be CIDRs or builtin, comma-separated, or none',
    },
  })
  ADVERTISING_DATA_CENTRE_NETWORKS: string = 'builtin';

  /** Days raw ad events (each counted beacon) are kept for audit; their daily partitions are dropped after. */
  @IsInt()
  @Min(90, { message: 'must be at least 90: raw ad events are kept for audit that long' })
  @Max(3650)
  ADVERTISING_EVENT_RETENTION_DAYS: number = 90;

  /**
   * Batches of beacons each instance commits at once (group commit): beacons arriving meanwhile
   * form the next batch. More batches in flight answer sooner under light load; fewer, larger
   * ones cost the database less per beacon.
   */
  @IsInt()
  @Min(1)
  @Max(16)
  ADVERTISING_BEACON_BATCHES_IN_FLIGHT: number = 2;

  /**
   * The request header the CDN or ingress puts the reader's country in (ISO 3166-1 alpha-2), e.g.
   * Cloudflare's `cf-ipcountry`. A request without it (or with XX, T1) has no known country:
   * country-targeted lines do not serve it.
   */
  @Matches(/^[a-z0-9-]{1,64}$/, { message: 'must be a header name in lower case, e.g. cf-ipcountry' })
  ADVERTISING_COUNTRY_HEADER: string = 'cf-ipcountry';

  /** How often each instance re-reads lines' delivered counts and re-paces them (seconds). */
  @IsInt()
  @Min(1)
  @Max(3600)
  ADVERTISING_PACING_INTERVAL_S: number = 180;

  /** How often each instance adds the page requests it counted to the sites' traffic history (seconds). */
  @IsInt()
  @Min(1)
  @Max(3600)
  ADVERTISING_TRAFFIC_FLUSH_S: number = 60;

  /** Days of sites' hourly traffic history kept (the curve reads the last 28). */
  @IsInt()
  @Min(28)
  @Max(3660)
  SITE_TRAFFIC_RETENTION_DAYS: number = 92;
}
