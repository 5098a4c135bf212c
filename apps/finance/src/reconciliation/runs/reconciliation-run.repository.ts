import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { ReconciliationJobRepository } from '../reconciliation-job.repository';
import { RunOutcome, RunWindow } from './reconciliation-matching.repository';
import { ReconciliationRun } from './reconciliation-run.entity';

/** The only code that reads and writes reconciliation runs. */
@Injectable()
export class ReconciliationRunRepository extends ReconciliationJobRepository {
  constructor(dataSource: DataSource) {
    super(dataSource, 'reconciliation_runs');
  }

  /** Queues a run unless the agency has one queued or running; answers that one then. */
  async enqueue(
    tenantId: string,
    window: Partial<RunWindow>,
    requestedBy: string,
  ): Promise<{ run: ReconciliationRun; queued: boolean }> {
    const runs = this.dataSource.getRepository(ReconciliationRun);
    // The active run may end between the refused insert and the read: then the insert is tried again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const id = randomUUID();
      const inserted: unknown[] = await this.dataSource.query(
        `INSERT INTO finance.reconciliation_runs (id, tenant_id, status, window_from, window_to, requested_by)
         VALUES ($1, $2, 'queued', $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
        [id, tenantId, window.from ?? null, window.to ?? null, requestedBy],
      );
      if (inserted.length === 1) return { run: await runs.findOneByOrFail({ id }), queued: true };
      const active = await runs.findOneBy({ tenantId, status: In(['queued', 'running']) });
      if (active) return { run: active, queued: false };
    }
    throw new Error(`could not queue a reconciliation run for ${tenantId}: its active run keeps changing`);
  }

  async claimNext(staleAfterS: number): Promise<ReconciliationRun | null> {
    const id = await this.claimNextJob(staleAfterS);
    return id ? this.dataSource.getRepository(ReconciliationRun).findOneByOrFail({ id }) : null;
  }

  heartbeat(run: ReconciliationRun): Promise<boolean> {
    return this.updateClaimedJob(this.dataSource.manager, run, 'heartbeat_at = now()');
  }

  /** Records the outcome in the run's own transaction; false when the run is no longer this claim's (then nothing of it commits). */
  succeed(
    tx: EntityManager,
    run: ReconciliationRun,
    window: RunWindow,
    outcome: RunOutcome,
    durationMs: number,
  ): Promise<boolean> {
    return this.updateClaimedJob(
      tx,
      run,
      `status = 'succeeded', finished_at = now(), heartbeat_at = now(), window_from = $3, window_to = $4, stripe_transactions = $5, matched = $6,
       payouts_matched = $7, exceptions_opened = $8, exceptions_cleared = $9, duration_ms = $10`,
      [
        window.from,
        window.to,
        outcome.stripeTransactions,
        outcome.matched,
        outcome.payoutsMatched,
        outcome.exceptionsOpened,
        outcome.exceptionsCleared,
        durationMs,
      ],
    );
  }

  fail(run: ReconciliationRun, message: string): Promise<boolean> {
    return this.updateClaimedJob(this.dataSource.manager, run, `status = 'failed', finished_at = now(), error = $3`, [
      message.slice(0, 2000),
    ]);
  }

  release(run: ReconciliationRun): Promise<boolean> {
    return this.updateClaimedJob(this.dataSource.manager, run, `status = 'queued', heartbeat_at = NULL`);
  }

  findOfTenant(tenantId: string, id: string): Promise<ReconciliationRun | null> {
    return this.dataSource.getRepository(ReconciliationRun).findOneBy({ tenantId, id });
  }

  listOfTenant(tenantId: string, limit: number): Promise<ReconciliationRun[]> {
    return this.dataSource
      .getRepository(ReconciliationRun)
      .find({ where: { tenantId }, order: { queuedAt: 'DESC', id: 'DESC' }, take: limit });
  }
}
