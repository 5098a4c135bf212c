import { IsInt, Max, Min, ValidateBy } from 'class-validator';
import { IsSigningKeys, ServiceEnv } from '@libs/common';
import { parseDataCentreNetworks } from './data-centre-networks';

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
}
