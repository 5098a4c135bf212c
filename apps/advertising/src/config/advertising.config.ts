import { IsInt, Matches, Max, Min } from 'class-validator';
import { ServiceEnv } from '@libs/common';

export class AdvertisingEnv extends ServiceEnv {
  override HTTP_PORT: number = 3003;

  /** Where the public ad decision endpoint listens (its own server; 0 picks a free port). */
  @IsInt()
  @Min(0)
  @Max(65535)
  ADVERTISING_PUBLIC_PORT: number = 3013;

  /** Where an advertiser's browser goes once it paid an order on a rail (the agency's page for advertisers). */
  @Matches(/^https?:\/\/[^/\s]+(\/[^\s]*)?$/, { message: 'must be an http(s) URL, e.g. https://ads.example.vn/paid' })
  ADVERTISER_RETURN_URL: string = 'http://127.0.0.1:3000/';
}
