/** An agency's Stripe credentials, opened, for payments' Stripe adapter only. */
export interface StripeAccountCredentialsInClear {
  tenantId: string;
  secretKey: string;
  webhookSecret: string;
}
