/**
 * Our subscription row was written after the provider was read for it: the read may be older than
 * what is recorded, so it is not written; the caller reads the provider again.
 */
export class StaleProviderReadError extends Error {
  constructor(readonly providerSubscriptionId: string) {
    super(`subscription ${providerSubscriptionId} changed while the provider was read; to be read again`);
  }
}

/** Reads and writes again while the read went stale before its write, `reads` times in all; then the error stands. */
export async function readAgainWhileStale<T>(readThenWrite: () => Promise<T>, reads = 3): Promise<T> {
  for (let read = 1; ; read++) {
    try {
      return await readThenWrite();
    } catch (error) {
      if (!(error instanceof StaleProviderReadError) || read >= reads) throw error;
    }
  }
}
