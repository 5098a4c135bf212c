import { IsInt, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { ServiceEnv } from '@libs/common';

export class GatewayEnv extends ServiceEnv {
  override HTTP_PORT: number = 3000;

  /** Signs console users' access tokens (HS256). */
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET: string = '';

  /** The platform operator's credential: the only one that may register agencies. */
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  OPERATOR_TOKEN: string = '';

  /** The payments service's X25519 public key (base64 SPKI DER): agencies' Stripe and rail credentials are sealed to it before they cross the bus. */
  @Matches(/^[A-Za-z0-9+/=]{40,}$/, { message: 'must be a base64 X25519 public key (SPKI DER)' })
  PAYMENTS_CREDENTIALS_SEALING_PUBLIC_KEY: string = '';

  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  PUBLIC_BASE_URL: string = 'http://127.0.0.1:3000';

  /** Payments' notification port as the gateway reaches it; Stripe webhooks sent to the gateway's old URL are forwarded there as received. */
  @Matches(/^https?:\/\/[^/\s]+$/, { message: 'must be a scheme and host, e.g. http://127.0.0.1:3016' })
  PAYMENTS_NOTIFICATION_URL: string = 'http://127.0.0.1:3016';

  @IsInt()
  @Min(1)
  @Max(60)
  JWT_TTL_MINUTES: number = 15;

  @IsInt()
  @Min(1)
  @Max(240)
  SESSION_IDLE_MINUTES: number = 30;

  @IsInt()
  @Min(1)
  @Max(20)
  LOGIN_MAX_FAILURES: number = 5;

  @IsInt()
  @Min(1)
  @Max(1440)
  LOGIN_LOCKOUT_MINUTES: number = 15;

  /** Requests a minute per API key or site key, unless the key sets its own limit. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE: number = 600;

  /** API key and site key lookups (misses included) each cache keeps; past this the least recently used is forgotten. */
  @IsInt()
  @Min(100)
  @Max(10_000_000)
  CREDENTIAL_CACHE_MAX_ENTRIES: number = 100_000;

  /** Requests a minute one client address may make with one site key, within the key's limit. */
  @IsInt()
  @Min(1)
  SITE_CLIENT_RATE_LIMIT_PER_MINUTE: number = 120;

  /** Login attempts a minute per client address, counted before any password is checked. */
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_PER_MINUTE: number = 20;

  /** Requests a minute per client address to the public gift page (`/gift/<code>`), which has no key to count by. */
  @IsInt()
  @Min(1)
  GIFT_PAGE_RATE_LIMIT_PER_MINUTE: number = 60;

  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES: number = 1024 * 1024;

  /** Hours an Idempotency-Key's answer is replayed, and its record kept; after that the key is a new request. */
  @IsInt()
  @Min(1)
  @Max(720)
  IDEMPOTENCY_KEY_RETENTION_HOURS: number = 24;

  /** Days a console session is kept after it ended or was last seen. */
  @IsInt()
  @Min(1)
  @Max(3650)
  SESSION_RETENTION_DAYS: number = 30;
}
