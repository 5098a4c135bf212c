/**
 * Our subscription row was written after the provider was read for it: the read may be older than
 * what is recorded, so it is not written; the caller reads the provider again.
 */
export class StaleProviderReadError extends Error {
  constructor(readonly providerSubscriptionId: string) {
    super(`subscription ${providerSubscriptionId} changed while the provider was read; to be read again`);
  }
}
