import type { ProviderSyncJob } from './provider-sync-job.entity';

/** What a page of work changes on a job. */
export type ProviderSyncProgress = Partial<
  Pick<
    ProviderSyncJob,
    | 'status'
    | 'phase'
    | 'subscriptionsProcessed'
    | 'subscriptionsTotal'
    | 'subscriptionsIgnored'
    | 'invoicesProcessed'
    | 'invoicesTotal'
    | 'paymentsProcessed'
    | 'paymentsTotal'
    | 'resumeCursor'
  >
>;
