import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type QueryDeepPartialEntity } from 'typeorm';
import { ProviderSyncTrigger } from '@libs/contracts';
import { ProviderSyncJob } from './provider-sync-job.entity';
import { ProviderSyncProgress } from './provider-sync-progress';

const ACTIVE: ProviderSyncJob['status'][] = ['queued', 'running'];

/**
 * The only code that reads and writes sync jobs. Writes by the instance running a job carry the
 * job's claim number: once another instance has taken the job over, they change nothing.
 */
@Injectable()
export class ProviderSyncJobRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Queues a job unless the agency has one queued or running; answers that one then. */
  async enqueue(
    tenantId: string,
    trigger: ProviderSyncTrigger,
    invoicesSince: Date,
  ): Promise<{ job: ProviderSyncJob; queued: boolean }> {
    const jobs = this.dataSource.getRepository(ProviderSyncJob);
    // The active job may end between the refused insert and the read: then the insert is tried again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const id = randomUUID();
      const inserted = await jobs
        .createQueryBuilder()
        .insert()
        .values({ id, tenantId, trigger, status: 'queued', phase: 'subscriptions', invoicesSince })
        .orIgnore()
        .returning(['id'])
        .execute();
      if (inserted.raw.length === 1) return { job: await jobs.findOneByOrFail({ tenantId, id }), queued: true };
      const active = await jobs.findOneBy({ tenantId, status: In(ACTIVE) });
      if (active) return { job: active, queued: false };
    }
    throw new Error(`could not queue a sync job for ${tenantId}: its active job keeps changing`);
  }

  /**
   * Queues a scheduled job for every agency billing on Stripe that has none queued or
   * running and none scheduled within `quietSeconds` (instances' timers do not double the work).
   * Answers how many were queued.
   */
  async enqueueScheduled(invoicesSince: Date, quietSeconds: number): Promise<number> {
    const queued: unknown[] = await this.dataSource.query(
      `INSERT INTO subscriptions.provider_sync_jobs (id, tenant_id, trigger, status, phase, invoices_since)
       SELECT gen_random_uuid(), a.tenant_id, 'scheduled', 'queued', 'subscriptions', $1
       FROM subscriptions.stripe_billing_agencies a
       WHERE NOT EXISTS (
         SELECT 1 FROM subscriptions.provider_sync_jobs j
         WHERE j.tenant_id = a.tenant_id AND j.trigger = 'scheduled' AND j.queued_at > now() - make_interval(secs => $2))
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [invoicesSince, quietSeconds],
    );
    return queued.length;
  }

  /**
   * Takes the oldest queued job, or a running one whose instance went silent for `staleAfterS`
   * (it resumes from its cursor). Instances skip each other's locked rows, so each job is taken once.
   */
  claimNext(staleAfterS: number): Promise<ProviderSyncJob | null> {
    return this.dataSource.transaction(async (tx) => {
      const jobs = tx.getRepository(ProviderSyncJob);
      const [next] = await jobs
        .createQueryBuilder('j')
        .where(
          `j.status = 'queued' OR (j.status = 'running' AND j.heartbeat_at < now() - make_interval(secs => :staleAfterS))`,
          { staleAfterS },
        )
        .orderBy('j.queued_at', 'ASC')
        .addOrderBy('j.id', 'ASC')
        .limit(1)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (!next) return null;
      await jobs
        .createQueryBuilder()
        .update()
        .set({
          status: 'running',
          claims: () => 'claims + 1',
          startedAt: () => 'COALESCE(started_at, now())',
          heartbeatAt: () => 'now()',
        })
        .where('id = :id', { id: next.id })
        .execute();
      return jobs.findOneByOrFail({ id: next.id });
    });
  }

  /** Records a page's progress and a heartbeat (and the end, on success); false when the job is no longer this claim's. */
  recordProgress(job: ProviderSyncJob, progress: ProviderSyncProgress): Promise<boolean> {
    const ended = progress.status === 'succeeded' ? { finishedAt: () => 'now()' } : {};
    return this.updateClaimed(job, { ...progress, ...ended, heartbeatAt: () => 'now()' });
  }

  fail(job: ProviderSyncJob, error: string): Promise<boolean> {
    return this.updateClaimed(job, {
      status: 'failed',
      error: error.slice(0, 2000),
      finishedAt: () => 'now()',
      heartbeatAt: () => 'now()',
    });
  }

  /** Hands a job back to the queue (instance shutting down); it resumes from its cursor. */
  release(job: ProviderSyncJob): Promise<boolean> {
    return this.updateClaimed(job, { status: 'queued', heartbeatAt: null });
  }

  findOfTenant(tenantId: string, id: string): Promise<ProviderSyncJob | null> {
    return this.dataSource.getRepository(ProviderSyncJob).findOneBy({ tenantId, id });
  }

  listOfTenant(tenantId: string, limit: number): Promise<ProviderSyncJob[]> {
    return this.dataSource
      .getRepository(ProviderSyncJob)
      .find({ where: { tenantId }, order: { queuedAt: 'DESC', id: 'DESC' }, take: limit });
  }

  private async updateClaimed(
    job: ProviderSyncJob,
    changes: QueryDeepPartialEntity<ProviderSyncJob>,
  ): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(ProviderSyncJob)
      .createQueryBuilder()
      .update()
      .set(changes)
      .where('id = :id AND claims = :claims AND status = :running', {
        id: job.id,
        claims: job.claims,
        running: 'running',
      })
      .execute();
    return result.affected === 1;
  }
}
