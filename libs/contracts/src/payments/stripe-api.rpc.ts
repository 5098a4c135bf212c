import { IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { defineRpc } from '../define-rpc';
import { SERVICE_ROLES } from '../roles';

/** The largest form body subscriptions sends Stripe (a checkout with its lines and metadata). */
export const STRIPE_REQUEST_BODY_MAX = 64 * 1024;

/**
 * One request of Stripe's API as the `stripe` SDK built it in subscriptions, without any key:
 * payments adds the agency's secret key and sends it to Stripe, if its path is one of Stripe
 * Billing's.
 */
export class StripeApiRequest {
  @IsIn(['GET', 'POST', 'DELETE']) method!: 'GET' | 'POST' | 'DELETE';
  /** `/v1/…`, with the query string of a GET. */
  @MaxLength(4096)
  @Matches(/^\/v1\/[A-Za-z0-9_./-]+(\?[^\s#]*)?$/, { message: 'path must be a Stripe API path /v1/…' })
  path!: string;
  /** The form-encoded body of a POST; empty otherwise. */
  @IsString() @MaxLength(STRIPE_REQUEST_BODY_MAX) body!: string;
  @IsOptional() @IsString() @MaxLength(255) idempotencyKey?: string;
  /** The API version the SDK pins (`Stripe-Version`). */
  @IsOptional() @Matches(/^[0-9]{4}-[0-9]{2}-[0-9]{2}(\.[a-z]+)?$/) stripeVersion?: string;
}

/** Stripe's answer, as it came: its status, the headers the SDK reads, and its JSON body as text. */
export class StripeApiResponse {
  @IsInt() @Min(100) @Max(599) status!: number;
  /** `request-id`, `idempotent-replayed`, `stripe-should-retry`, `retry-after` when Stripe sent them. */
  @IsObject() headers!: Record<string, string>;
  @IsString() body!: string;
}

export const RelayStripeRequest = defineRpc({
  subject: 'payments.stripe-api.request.v1',
  request: StripeApiRequest,
  response: StripeApiResponse,
  description:
    "Sends one Stripe Billing request with the agency's Stripe account: the only way the suite reaches Stripe's API.",
  roles: [SERVICE_ROLES.stripeBilling],
});
