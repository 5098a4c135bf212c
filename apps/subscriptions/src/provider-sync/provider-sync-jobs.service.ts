import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@libs/common';
import { ProviderSyncJobView, SYNC_JOB_LIST_LIMIT } from '@libs/contracts';
import { StripeAccountsService } from '../stripe-accounts/stripe-accounts.service';
import { SubscriptionsEnv } from '../config/subscriptions.config';
import { syncWindowStart } from './sync-window';
import { toProviderSyncJobView } from './provider-sync-job.mapper';
import { ProviderSyncJobRepository } from './provider-sync-job.repository';
import { ProviderSyncRunner } from './provider-sync.runner';

/**
 * Drift repair on demand: queues a job (one per agency at a time) that a runner works through
 * page by page, and shows how far it has come.
 */
@Injectable()
export class ProviderSyncJobsService {
  constructor(
    private readonly jobs: ProviderSyncJobRepository,
    private readonly accounts: StripeAccountsService,
    private readonly runner: ProviderSyncRunner,
    private readonly env: SubscriptionsEnv,
  ) {}

  /** The new job, or the one already queued or running. */
  async start(tenantId: string): Promise<ProviderSyncJobView> {
    await this.accounts.providerAccountOf(tenantId); // refuses (409) an agency with no provider account
    const { job, queued } = await this.jobs.enqueue(
      tenantId,
      'manual',
      syncWindowStart(this.env.PROVIDER_SYNC_LOOKBACK_DAYS),
    );
    if (queued) this.runner.wake();
    return toProviderSyncJobView(job);
  }

  async get(tenantId: string, id: string): Promise<ProviderSyncJobView> {
    const job = await this.jobs.findOfTenant(tenantId, id);
    if (!job) throw new NotFoundError('sync job', id);
    return toProviderSyncJobView(job);
  }

  async list(tenantId: string, limit: number = SYNC_JOB_LIST_LIMIT.default): Promise<ProviderSyncJobView[]> {
    return (await this.jobs.listOfTenant(tenantId, limit)).map(toProviderSyncJobView);
  }
}
