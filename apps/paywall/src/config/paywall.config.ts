import { IsInt, Max, Min } from 'class-validator';
import { IsSigningKeys, ServiceEnv } from '@libs/common';
import { METER_MEMORY_DAYS } from '../decisions/meter-tokens';

export class PaywallEnv extends ServiceEnv {
  override HTTP_PORT: number = 3001;

  /** Where the public decision endpoint listens (its own server; 0 picks a free port). */
  @IsInt()
  @Min(0)
  @Max(65535)
  PAYWALL_PUBLIC_PORT: number = 3011;

  /**
   * Keys that sign meter and reader tokens: `id:base64-of-32-bytes`, comma-separated. The first
   * signs; all verify, so a new key goes first and the old one stays until its tokens are gone.
   */
  @IsSigningKeys()
  PAYWALL_TOKEN_KEYS: string = '';

  /** Decisions one site may ask of one instance per second before 429 (the page-view rate, with room). */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  PAYWALL_SITE_RATE_PER_S: number = 20_000;

  /** Decisions a second one client address may ask for one site of each instance, within the site's. */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  PAYWALL_CLIENT_RATE_PER_S: number = 100;

  /**
   * How often a Thompson experiment's shares of readers follow the evidence. Between two
   * reweighings every reader keeps their arm; shorter moves traffic to a winner sooner.
   */
  @IsInt()
  @Min(1)
  @Max(86_400)
  PAYWALL_THOMPSON_REWEIGH_S: number = 300;

  /**
   * Logged-in readers' reads counted here and not yet published that are kept while NATS is away;
   * past this the oldest are dropped and counted (`paywall_reader_reads_dropped_total`).
   */
  @IsInt()
  @Min(1000)
  @Max(10_000_000)
  PAYWALL_PENDING_READS_MAX: number = 100_000;

  /** Logged-in readers whose meters one instance keeps in memory; past this the least recently seen is forgotten (their meter counts low). */
  @IsInt()
  @Min(1000)
  @Max(100_000_000)
  PAYWALL_READER_METERS_MAX: number = 1_000_000;

  /** How long a reader token issued to an agency's server stays valid. */
  @IsInt()
  @Min(1)
  @Max(43_200)
  READER_TOKEN_TTL_MINUTES: number = 60;

  /** Days a logged-in reader's read is kept; at least the meters' memory (METER_MEMORY_DAYS, 92). */
  @IsInt()
  @Min(METER_MEMORY_DAYS)
  @Max(3650)
  READER_READ_RETENTION_DAYS: number = 100;
}
