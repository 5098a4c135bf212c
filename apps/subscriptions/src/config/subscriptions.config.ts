import { IsInt, Matches, Max, Min, ValidateIf } from 'class-validator';
import { ServiceEnv } from '@libs/common';

export class SubscriptionsEnv extends ServiceEnv {
  override HTTP_PORT: number = 3002;

  /**
   * The keys (32 random bytes, base64; or a list `kid:base64,kid2:base64`) that open the Stripe
   * credentials subscriptions held before payments owned Stripe, to hand them over.
   */
  @Matches(/^([A-Za-z0-9+/]{43}=|[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=)*)$/, {
    message: 'must be 32 bytes in base64 (openssl rand -base64 32), or a list kid:base64,kid2:base64',
  })
  CREDENTIALS_KEY: string = '';

  /**
   * The payments service's X25519 public key (base64 SPKI DER), to seal Stripe accounts held here
   * before to it when handing them over; unset only where there is nothing to hand over.
   */
  @ValidateIf((env: SubscriptionsEnv) => env.PAYMENTS_CREDENTIALS_SEALING_PUBLIC_KEY !== '')
  @Matches(/^[A-Za-z0-9+/=]{40,}$/, { message: 'must be a base64 X25519 public key (SPKI DER)' })
  PAYMENTS_CREDENTIALS_SEALING_PUBLIC_KEY: string = '';

  /** The suite's public URL; gift claim links are `<PUBLIC_BASE_URL>/gift/<code>`. */
  @Matches(/^https?:\/\/[^/\s]+(\/[^\s]*[^/\s])?$/, {
    message: 'must be an http(s) URL without a trailing slash, e.g. https://revenue.example.com',
  })
  PUBLIC_BASE_URL: string = 'http://127.0.0.1:3000';

  /** Stripe allows 25 requests/s in test mode and 100 in live mode; we stay below. */
  @IsInt()
  @Min(1)
  @Max(100)
  STRIPE_MAX_REQUESTS_PER_S: number = 20;

  /**
   * Stripe requests that may wait for their turn per agency and lane (interactive, notifications,
   * sync); one more is refused at once (a user gets 503 with Retry-After, a notification is retried).
   */
  @IsInt()
  @Min(1)
  @Max(10000)
  STRIPE_MAX_WAITING_REQUESTS: number = 100;

  /** How often every agency's subscriptions are re-read from Stripe to repair missed provider notifications. */
  @IsInt()
  @Min(1)
  @Max(1440)
  PROVIDER_SYNC_INTERVAL_MINUTES: number = 60;

  /** How often grants that ran out (gifts, licences, unrenewed periods) are republished. */
  @IsInt()
  @Min(1)
  @Max(3600)
  ENTITLEMENT_LAPSE_SWEEP_S: number = 30;

  /** How often gifts past their redemption deadline are recorded as expired (GiftExpired). */
  @IsInt()
  @Min(1)
  @Max(1440)
  GIFT_EXPIRY_SWEEP_MINUTES: number = 15;

  /** A running sync job whose instance has shown no sign of life for this long is taken over by another. */
  @IsInt()
  @Min(10)
  @Max(3600)
  PROVIDER_SYNC_STALE_AFTER_S: number = 60;

  /** Objects per provider list page during a sync; progress is recorded after each page. */
  @IsInt()
  @Min(1)
  @Max(100)
  PROVIDER_SYNC_PAGE_SIZE: number = 100;

  /** How far back a sync re-reads paid invoices, refunds, disputes and gift checkouts: a monthly renewal and slack. */
  @IsInt()
  @Min(1)
  @Max(400)
  PROVIDER_SYNC_LOOKBACK_DAYS: number = 35;

  /** Agencies whose provider notifications are processed at once; one agency's slow ones never hold up the others. */
  @IsInt()
  @Min(1)
  @Max(64)
  PROVIDER_NOTIFICATION_AGENCIES_IN_PARALLEL: number = 4;

  /** Notifications one agency has processed before the next agency in turn gets its go. */
  @IsInt()
  @Min(1)
  @Max(1000)
  PROVIDER_NOTIFICATIONS_PER_AGENCY_TURN: number = 10;

  /** Health reports degraded when a provider notification has waited longer than this, in seconds. */
  @IsInt()
  @Min(0)
  @Max(604800)
  PROVIDER_NOTIFICATION_MAX_AGE_S: number = 900;

  /** Days a processed provider notification is kept (pending and failed ones are kept until dealt with). */
  @IsInt()
  @Min(1)
  @Max(3650)
  PROVIDER_NOTIFICATION_RETENTION_DAYS: number = 90;
}
