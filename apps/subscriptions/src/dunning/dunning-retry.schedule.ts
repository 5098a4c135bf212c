import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { runWithContext, WorkLoop } from '@libs/common';
import { inProviderLane } from '../payments/provider-lane';
import { DunningCase } from './dunning-case.entity';
import { DunningCaseRepository } from './dunning-case.repository';
import { DunningService } from './dunning.service';

/** Retries are due on days; looking once a minute is plenty. */
const IDLE_POLL_MS = 60_000;
/** A retry that failed for want of the provider or the database is tried again this much later. */
const AFTER_FAULT_MS = 15 * 60_000;

/**
 * Makes the dunning retries that are due, one case per transaction. Every instance runs it: a
 * case is claimed with `FOR UPDATE SKIP LOCKED`, so no two instances retry the same case.
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
    private readonly dataSource: DataSource,
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
    let claimed: DunningCase | undefined;
    try {
      return await this.dataSource.transaction(async (tx) => {
        const due = await this.cases.claimNextDue(tx, now);
        if (!due) return false;
        claimed = due;
        await runWithContext(
          { requestId: `dunning:${due.id}:${due.attemptsMade + 1}`, tenantId: due.tenantId, actor: 'dunning' },
          () => inProviderLane('sync', () => this.dunning.retry(tx, due, now)),
        );
        return true;
      });
    } catch (error) {
      if (!claimed) throw error;
      this.logger.warn(`dunning case ${claimed.id}: retry not made (${(error as Error).message}); trying again later`);
      await this.cases.postpone(claimed, new Date(now.getTime() + AFTER_FAULT_MS));
      return true;
    }
  }
}
