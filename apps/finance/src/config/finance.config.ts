import { IsInt, Max, Min } from 'class-validator';
import { ServiceEnv } from '@libs/common';

export class FinanceEnv extends ServiceEnv {
  override HTTP_PORT: number = 3005;

  /** How often deferred revenue is recognized up to yesterday (agency-local); a run catches up any days missed. */
  @IsInt() @Min(1) @Max(86400)
  FINANCE_RECOGNITION_EVERY_S: number = 3600;
}
