import { IsInt, Max, Min } from 'class-validator';
import { ServiceEnv } from '@libs/common';

export class FinanceEnv extends ServiceEnv {
  override HTTP_PORT: number = 3005;

  /** How often deferred revenue is recognized up to yesterday (agency-local); a run catches up any days missed. */
  @IsInt()
  @Min(1)
  @Max(86400)
  FINANCE_RECOGNITION_EVERY_S: number = 3600;
  /** Requests per second an agency's Stripe import makes (through subscriptions, to Stripe); Stripe allows 25 in test mode. */
  @IsInt()
  @Min(1)
  @Max(100)
  RECONCILIATION_IMPORT_MAX_REQUESTS_PER_S: number = 20;

  /** A running import or reconciliation run whose instance has shown no sign of life for this long is taken over by another. */
  @IsInt()
  @Min(10)
  @Max(3600)
  RECONCILIATION_STALE_AFTER_S: number = 60;

  /**
   * Memory a reconciliation run's joins may use before spilling to disk (PostgreSQL `work_mem`,
   * set for the run's transaction only): a million transactions and their keys hash in about 64 MB.
   */
  @IsInt()
  @Min(4)
  @Max(2048)
  RECONCILIATION_WORK_MEM_MB: number = 64;
}
