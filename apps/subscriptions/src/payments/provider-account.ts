/**
 * The agency whose account at the payment provider a request is made with. Its credentials are
 * payments' alone: subscriptions names the agency, payments adds the key.
 */
export interface ProviderAccount {
  tenantId: string;
}
