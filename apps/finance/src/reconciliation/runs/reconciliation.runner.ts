import { Injectable, Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { ClaimedJobLoop, ClaimedJobRunner, ClaimedJobStep } from '@libs/common';
import { STRIPE_BALANCE } from '../../accounts/account-codes';
import { FinanceEnv } from '../../config/finance.config';
import { LedgerRepository } from '../../ledger/ledger.repository';
import { ReconciliationMatchingRepository, RunWindow } from './reconciliation-matching.repository';
import { ReconciliationRun } from './reconciliation-run.entity';
import { ReconciliationRunRepository } from './reconciliation-run.repository';

const IDLE_POLL_MS = 1000;

/** The run was taken over by another instance: roll this one back. */
class SupersededError extends Error {}

/**
 * Works queued reconciliation runs, one at a time per instance: the matching and the run's
 * outcome commit in one transaction, so a run cut off leaves nothing half done and is run again
 * by whichever instance takes it over. A heartbeat shows the run is alive while it works.
 */
@Injectable()
export class ReconciliationRunner extends ClaimedJobRunner<ReconciliationRun> {
  private readonly logger = new Logger(ReconciliationRunner.name);
  protected readonly loop: ClaimedJobLoop<ReconciliationRun>;
  private readonly staleAfterS: number;
  private readonly workMemMb: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly runs: ReconciliationRunRepository,
    private readonly matching: ReconciliationMatchingRepository,
    private readonly ledger: LedgerRepository,
    env: FinanceEnv,
  ) {
    super();
    this.staleAfterS = env.RECONCILIATION_STALE_AFTER_S;
    this.workMemMb = env.RECONCILIATION_WORK_MEM_MB;
    // A heartbeat four times within the stale limit: a long run is never taken for a silent one.
    this.loop = new ClaimedJobLoop<ReconciliationRun>({
      logger: this.logger,
      label: 'reconciliation run',
      jobNoun: 'run',
      whenLost: 'its work here is rolled back',
      idleMs: IDLE_POLL_MS,
      contextOf: (run) => ({
        requestId: `reconciliation-run:${run.id}`,
        tenantId: run.tenantId,
        actor: 'reconciliation-run',
      }),
      claim: () => this.runs.claimNext(this.staleAfterS),
      step: (run) => this.reconcile(run),
      recordFailure: (run, error) => this.runs.fail(run, error.message),
      heartbeat: { everyMs: (this.staleAfterS * 1000) / 4, beat: (run) => this.runs.heartbeat(run) },
    });
  }

  private async reconcile(run: ReconciliationRun): Promise<ClaimedJobStep> {
    try {
      await this.matchInOneTransaction(run);
      return 'done';
    } catch (error) {
      if (error instanceof SupersededError) return 'lost';
      throw error;
    }
  }

  private async matchInOneTransaction(run: ReconciliationRun): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const started = performance.now();
      await this.matching.tuneForRun(tx, this.workMemMb);
      const accounts = await this.ledger.findAccountIdsByCode(tx, run.tenantId, [STRIPE_BALANCE]);
      const stripeBalance = accounts.get(STRIPE_BALANCE);
      if (!stripeBalance) throw new Error(`the agency has no account ${STRIPE_BALANCE} (Stripe balance) yet`);
      const defaults = run.windowFrom && run.windowTo ? null : await this.matching.defaultWindow(tx, run.tenantId);
      const window: RunWindow = { from: run.windowFrom ?? defaults!.from, to: run.windowTo ?? defaults!.to };
      const outcome = await this.matching.reconcile(tx, run.tenantId, run.id, window, stripeBalance);
      const durationMs = Math.round(performance.now() - started);
      if (!(await this.runs.succeed(tx, run, window, outcome, durationMs))) throw new SupersededError();
    });
  }
}
