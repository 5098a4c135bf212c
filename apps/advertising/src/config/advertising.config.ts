import { IsInt, Max, Min } from 'class-validator';
import { ServiceEnv } from '@libs/common';

export class AdvertisingEnv extends ServiceEnv {
  override HTTP_PORT: number = 3003;

  /** Where the public ad decision endpoint listens (its own server; 0 picks a free port). */
  @IsInt()
  @Min(0)
  @Max(65535)
  ADVERTISING_PUBLIC_PORT: number = 3013;
}
