import { IsInt, Matches, Max, Min } from 'class-validator';
import { IsSigningKeys, ServiceEnv } from '@libs/common';

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
