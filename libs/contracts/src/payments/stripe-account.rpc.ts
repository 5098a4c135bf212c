import { Nullable } from '../nullable';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { defineRpc } from '../define-rpc';
import { TenantScopedRequest } from '../by-id.request';
import { SERVICE_ROLES } from '../roles';

/** The agency's Stripe credentials, as its admin sends them to the gateway. */
export class StripeAccountCredentials {
  @Matches(/^sk_(test|live)_[A-Za-z0-9]{8,}$/, {
    message: 'secretKey must be a Stripe secret key (sk_test_… or sk_live_…)',
  })
  secretKey!: string;
  @Matches(/^whsec_[A-Za-z0-9]{8,}$/, { message: 'webhookSecret must be a Stripe signing secret (whsec_…)' })
  webhookSecret!: string;
}

/**
 * The credentials on the bus: sealed to the payments service's key (a JWE in compact form, bound
 * to the agency), never in clear: by the gateway when an admin configures them, by subscriptions
 * when it hands over an account it held before payments owned Stripe.
 */
export class ConfigureStripeAccountRequest {
  @MaxLength(4096)
  @Matches(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]*){4}$/, { message: 'sealedCredentials must be a compact JWE' })
  sealedCredentials!: string;
}

/** What the API shows of an agency's Stripe credentials: never the secrets themselves. */
export class StripeAccountView {
  @IsBoolean() configured!: boolean;
  @Nullable() @IsOptional() @IsIn(['test', 'live']) mode!: 'test' | 'live' | null;
  @Nullable() @IsOptional() @IsString() keyLast4!: string | null;
  @Nullable() @IsOptional() @IsString() updatedAt!: string | null;
}

export const ConfigureStripeAccount = defineRpc({
  subject: 'payments.stripe-account.configure.v1',
  request: ConfigureStripeAccountRequest,
  response: StripeAccountView,
  description: "Stores the agency's Stripe secret key and webhook signing secret, encrypted.",
  roles: ['admin'],
});

export const GetStripeAccount = defineRpc({
  subject: 'payments.stripe-account.get.v1',
  request: TenantScopedRequest,
  response: StripeAccountView,
  description: "Whether the agency's Stripe account is configured, in which mode.",
  // Subscriptions asks before it bills on Stripe, to tell an agency without an account what to do.
  roles: ['admin', 'finance', SERVICE_ROLES.stripeBilling],
});

export const AdoptStripeAccount = defineRpc({
  subject: 'payments.stripe-account.adopt.v1',
  request: ConfigureStripeAccountRequest,
  response: StripeAccountView,
  description:
    'Takes over a Stripe account subscriptions held before payments owned Stripe; an account the agency configured since is kept.',
  roles: [SERVICE_ROLES.stripeBilling],
});
