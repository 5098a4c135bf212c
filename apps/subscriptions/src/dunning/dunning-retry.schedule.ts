import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { runWithContext, WorkLoop } from '@libs/common';
import { inProviderLane } from '../payments/provider-lane';
import { DunningCaseRepository } from './dunning-case.repository';
import { DunningService } from './dunning.service';

/** Retries are due on days; looking once a minute is plenty. */
const IDLE_POLL_MS = 60_000;
/** A retry that failed for want of the provider or the database is tried again this much later. */
const AFTER_FAULT_MS = 15 * 60_000;
/** How long a claimed case stays this instance's; longer than its provider calls can take (paced, retried). */
const CLAIM_LEASE_S = 300;

/**
 * Makes the dunning retries that are due, one case at a time. Every instance runs it: a case is
 * claimed for a lease (a short UPDATE skipping rows others are claiming), so no two instances retry
 * the same case; the provider is called outside any transaction, and the outcome is recorded in a
 * short one that first checks the claim still holds.
 */
@Injectable()
export class DunningRetrySchedule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DunningRetrySchedule.name);
  private readonly loop = new WorkLoop(
    () => this.retryNextDue(new Date()),
    IDLE_POLL_MS,
    (error) => this.logger.error(`dunning retries: ${error.message}`),
  );

  constructor(
    private readonly cases: DunningCaseRepository,
    private readonly dunning: DunningService,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** Makes every retry due at `now` (the loop passes the clock; a test may pass any instant); answers how many cases it handled. */
  async runDue(now: Date): Promise<number> {
    let handled = 0;
    while (await this.retryNextDue(now)) handled++;
    return handled;
  }

  /** Claims and handles the most overdue case at `now`; answers false when none was due. */
  async retryNextDue(now: Date): Promise<boolean> {
    const due = await this.cases.claimNextDue(now, CLAIM_LEASE_S);
    if (!due) return false;
    try {
      await runWithContext(
        { requestId: `dunning:${due.id}:${due.attemptsMade + 1}`, tenantId: due.tenantId, actor: 'dunning' },
        () => inProviderLane('sync', () => this.dunning.retry(due, now)),
      );
    } catch (error) {
      this.logger.warn(`dunning case ${due.id}: retry not made (${(error as Error).message}); trying again later`);
      await this.cases.postpone(due, new Date(now.getTime() + AFTER_FAULT_MS));
    }
    return true;
  }
}
