import { IsInt, Matches, Max, Min } from 'class-validator';
import { IsSigningKeys, ServiceEnv } from '@libs/common';

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
}
