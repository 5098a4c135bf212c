import { DataSource, EntityManager } from 'typeorm';

/** The tables of reconciliation's jobs: same claim columns (status, claims, heartbeat_at, queued_at). */
export type JobTable = 'reconciliation_imports' | 'reconciliation_runs';

/**
 * What the repositories of reconciliation's jobs (imports, runs) share: claiming the next job and
 * writing to a job only while this instance's claim on it holds.
 */
export abstract class ReconciliationJobRepository {
  protected constructor(
    protected readonly dataSource: DataSource,
    private readonly table: JobTable,
  ) {}

  /**
   * Takes the oldest queued job of the table, or a running one whose instance went silent for
   * `staleAfterS` (it resumes where it stopped). Instances skip each other's locked rows, so each
   * job is taken by one; the claim number goes up, and writes of a superseded claim change nothing.
   */
  protected claimNextJob(staleAfterS: number, only = 'true'): Promise<string | null> {
    return this.dataSource.transaction(async (tx) => {
      const [next]: { id: string }[] = await tx.query(
        `SELECT id FROM finance.${this.table}
       WHERE ${only} AND (status = 'queued' OR (status = 'running' AND heartbeat_at < now() - make_interval(secs => $1)))
       ORDER BY queued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [staleAfterS],
      );
      if (!next) return null;
      await tx.query(
        `UPDATE finance.${this.table} SET status = 'running', claims = claims + 1, started_at = COALESCE(started_at, now()), heartbeat_at = now() WHERE id = $1`,
        [next.id],
      );
      return next.id;
    });
  }

  /** Applies `assignments` (SQL, `$3`… bound to `values`) while the job is still this claim's and running; false otherwise. */
  protected async updateClaimedJob(
    tx: EntityManager,
    job: { id: string; claims: number },
    assignments: string,
    values: unknown[] = [],
  ): Promise<boolean> {
    const updated = await this.updateReturning(
      tx,
      `UPDATE finance.${this.table} SET ${assignments} WHERE id = $1 AND claims = $2 AND status = 'running' RETURNING id`,
      [job.id, job.claims, ...values],
    );
    return updated.length === 1;
  }

  /** Runs an UPDATE … RETURNING and answers the rows (TypeORM answers an UPDATE with `[rows, count]`, unlike an INSERT). */
  protected async updateReturning<T>(db: EntityManager | DataSource, sql: string, parameters: unknown[]): Promise<T[]> {
    const [rows] = (await db.query(sql, parameters)) as [T[], number];
    return rows;
  }
}
