import { Nullable } from '../nullable';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { defineRpc } from '../define-rpc';
import { TenantScopedRequest } from '../by-id.request';

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
 * The credentials on the bus: sealed by the gateway to the subscriptions service's key (a JWE in
 * compact form, bound to the agency), never in clear.
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
  subject: 'subscriptions.stripe-account.configure.v1',
  request: ConfigureStripeAccountRequest,
  response: StripeAccountView,
  description: "Stores the agency's Stripe secret key and webhook signing secret, encrypted.",
  roles: ['admin'],
});

export const GetStripeAccount = defineRpc({
  subject: 'subscriptions.stripe-account.get.v1',
  request: TenantScopedRequest,
  response: StripeAccountView,
  description: "Whether the agency's Stripe account is configured, in which mode.",
  roles: ['admin', 'finance'],
});
