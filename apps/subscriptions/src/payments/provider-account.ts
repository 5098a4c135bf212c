/** An agency's credentials at its payment provider, decrypted, for the adapters only. */
export interface ProviderAccount {
  tenantId: string;
  secretKey: string;
  webhookSecret: string;
}
