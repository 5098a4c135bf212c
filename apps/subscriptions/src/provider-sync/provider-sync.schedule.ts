import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '@libs/common';
import { SubscriptionsEnv } from '../config/subscriptions.config';
import { syncWindowStart } from './sync-window';
import { ProviderSyncJobRepository } from './provider-sync-job.repository';
import { ProviderSyncRunner } from './provider-sync.runner';

/**
 * Every `PROVIDER_SYNC_INTERVAL_MINUTES`, queues a scheduled sync job for each agency with
 * provider credentials (none while one is queued or running). Every instance keeps the timer;
 * a job scheduled by any of them within half an interval counts, so agencies get one per interval.
 */
@Injectable()
export class ProviderSyncSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly intervalMs: number;
  private readonly lookbackDays: number;
  private readonly schedule: PeriodicTask;

  constructor(
    private readonly jobs: ProviderSyncJobRepository,
    private readonly runner: ProviderSyncRunner,
    env: SubscriptionsEnv,
  ) {
    this.intervalMs = env.PROVIDER_SYNC_INTERVAL_MINUTES * 60_000;
    this.lookbackDays = env.PROVIDER_SYNC_LOOKBACK_DAYS;
    this.schedule = new PeriodicTask('provider sync schedule', this.intervalMs, () => this.enqueueDue());
  }

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.schedule.stop();
  }

  /** Queues the scheduled jobs now due; answers how many. */
  async enqueueDue(): Promise<number> {
    const queued = await this.jobs.enqueueScheduled(syncWindowStart(this.lookbackDays), this.intervalMs / 2000);
    if (queued > 0) this.runner.wake();
    return queued;
  }
}
