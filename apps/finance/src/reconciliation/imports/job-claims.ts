import { DataSource, EntityManager } from 'typeorm';
import { updateReturning } from '../update-returning';

/** The tables of reconciliation's jobs: same claim columns (status, claims, heartbeat_at, queued_at). */
export type JobTable = 'reconciliation_imports' | 'reconciliation_runs';

/**
 * Takes the oldest queued job of the table, or a running one whose instance went silent for
 * `staleAfterS` (it resumes where it stopped). Instances skip each other's locked rows, so each
 * job is taken by one; the claim number goes up, and writes of a superseded claim change nothing.
 */
export function claimNextJob(
  dataSource: DataSource,
  table: JobTable,
  staleAfterS: number,
  only = 'true',
): Promise<string | null> {
  return dataSource.transaction(async (tx) => {
    const [next]: { id: string }[] = await tx.query(
      `SELECT id FROM finance.${table}
       WHERE ${only} AND (status = 'queued' OR (status = 'running' AND heartbeat_at < now() - make_interval(secs => $1)))
       ORDER BY queued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [staleAfterS],
    );
    if (!next) return null;
    await tx.query(
      `UPDATE finance.${table} SET status = 'running', claims = claims + 1, started_at = COALESCE(started_at, now()), heartbeat_at = now() WHERE id = $1`,
      [next.id],
    );
    return next.id;
  });
}

/** Applies `assignments` (SQL, `$3`… bound to `values`) while the job is still this claim's and running; false otherwise. */
export async function updateClaimedJob(
  tx: EntityManager,
  table: JobTable,
  job: { id: string; claims: number },
  assignments: string,
  values: unknown[] = [],
): Promise<boolean> {
  const updated = await updateReturning(
    tx,
    `UPDATE finance.${table} SET ${assignments} WHERE id = $1 AND claims = $2 AND status = 'running' RETURNING id`,
    [job.id, job.claims, ...values],
  );
  return updated.length === 1;
}
