import { IsInt, Matches, Max, Min, ValidateIf } from 'class-validator';
import { ServiceEnv } from '@libs/common';

const HTTP_URL = /^https?:\/\/[^/\s]+(\/[^\s]*[^/\s])?$/;

export class PaymentsEnv extends ServiceEnv {
  override HTTP_PORT: number = 3006;

  /** The public port the rails' notifications arrive on (MoMo and payOS POST, VNPay GET). */
  @IsInt()
  @Min(0)
  @Max(65535)
  PAYMENTS_NOTIFICATION_PORT: number = 3016;

  /** How the rails reach that port from the internet; notification URLs are `<this>/v1/notifications/<rail>/<account id>`. */
  @Matches(HTTP_URL, { message: 'must be an http(s) URL without a trailing slash, e.g. https://pay.example.com' })
  PAYMENTS_NOTIFICATION_BASE_URL: string = 'http://127.0.0.1:3016';

  /** The suite's public URL; the hosted payment page is `<PUBLIC_BASE_URL>/pay/<agency id>/<payment id>?token=…`. */
  @Matches(HTTP_URL, { message: 'must be an http(s) URL without a trailing slash, e.g. https://revenue.example.com' })
  PUBLIC_BASE_URL: string = 'http://127.0.0.1:3000';

  /**
   * 32 random bytes, base64, that encrypt agencies' rail and Stripe credentials at rest (AES-256-GCM); or a
   * list `kid:base64,kid2:base64` to rotate: the first seals, every one opens.
   */
  @Matches(/^([A-Za-z0-9+/]{43}=|[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=)*)$/, {
    message: 'must be 32 bytes in base64 (openssl rand -base64 32), or a list kid:base64,kid2:base64',
  })
  CREDENTIALS_KEY: string = '';

  /**
   * X25519 private key (base64 PKCS#8 DER) that opens the rail and Stripe credentials sealed for
   * this service (its public half is PAYMENTS_CREDENTIALS_SEALING_PUBLIC_KEY, the gateway's and
   * subscriptions').
   */
  @Matches(/^[A-Za-z0-9+/=]{40,}$/, { message: 'must be a base64 X25519 private key (PKCS#8 DER)' })
  CREDENTIALS_SEALING_KEY: string = '';

  /**
   * Where a rail's API is reached instead of its published addresses, for sandboxes behind a proxy
   * and for tests: `momo=http://127.0.0.1:9001,vnpay=…`; empty means each rail's own addresses.
   */
  @Matches(/^$|^[a-z]+=https?:\/\/[^,\s]+(,[a-z]+=https?:\/\/[^,\s]+)*$/, {
    message: 'must be rail=url entries, comma-separated, e.g. momo=http://127.0.0.1:9001',
  })
  PAYMENT_RAIL_URLS: string = '';

  /** How long a rail's API may take to answer, in milliseconds. */
  @IsInt()
  @Min(500)
  @Max(60_000)
  PAYMENT_RAIL_TIMEOUT_MS: number = 15_000;

  /** An attempt with no notification after this long is asked about at its rail (then again, further apart). */
  @IsInt()
  @Min(5)
  @Max(86_400)
  PAYMENT_STATUS_QUERY_AFTER_S: number = 300;

  /** Days a processed rail notification, or a received Stripe event's id, is kept (a rail notification never applied is kept until it is). */
  @IsInt()
  @Min(1)
  @Max(3650)
  RAIL_NOTIFICATION_RETENTION_DAYS: number = 90;

  /** Where Stripe's API is reached; unset means Stripe itself. Tests point it at a fake. */
  @ValidateIf((env: PaymentsEnv) => env.STRIPE_API_URL !== '')
  @Matches(/^https?:\/\/[^/\s]+$/, { message: 'must be a scheme and host, e.g. http://127.0.0.1:12111' })
  STRIPE_API_URL: string = '';

  /** How long Stripe may take to answer one request, in milliseconds. */
  @IsInt()
  @Min(1_000)
  @Max(80_000)
  STRIPE_TIMEOUT_MS: number = 20_000;

  /** Oldest Stripe webhook signature accepted, in seconds (Stripe's own default is 300). */
  @IsInt()
  @Min(30)
  @Max(3600)
  STRIPE_WEBHOOK_TOLERANCE_S: number = 300;
}
