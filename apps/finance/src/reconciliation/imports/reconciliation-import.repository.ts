import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, isUniqueViolation } from '@libs/common';
import { ReconciliationImportPhase, ReconciliationImportSource } from '@libs/contracts';
import { ReconciliationJobRepository } from '../reconciliation-job.repository';
import { ReconciliationImport } from './reconciliation-import.entity';

/** What one page of an API import changes on its job. */
export interface ImportPageProgress {
  phase: ReconciliationImportPhase;
  resumeCursor: string | null;
  reachedCreated: Date | null;
  read: number;
  imported: number;
  alreadyImported: number;
  done: boolean;
}

export interface FileImportCounts {
  read: number;
  imported: number;
  alreadyImported: number;
  skipped: number;
}

const KEPT_ERRORS = 10;

/** The only code that reads and writes reconciliation imports. */
@Injectable()
export class ReconciliationImportRepository extends ReconciliationJobRepository {
  constructor(dataSource: DataSource) {
    super(dataSource, 'reconciliation_imports');
  }

  /** Queues an API import; refuses (409) while the agency has one queued or running. */
  async enqueueApiImport(
    tenantId: string,
    range: { from: Date; to: Date },
    requestedBy: string,
  ): Promise<ReconciliationImport> {
    const id = randomUUID();
    try {
      await this.dataSource.getRepository(ReconciliationImport).insert({
        id,
        tenantId,
        source: 'stripe-api',
        status: 'queued',
        phase: 'balance-transactions',
        createdFrom: range.from,
        createdTo: range.to,
        requestedBy,
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const active =
        (await this.dataSource
          .getRepository(ReconciliationImport)
          .findOneBy({ tenantId, source: 'stripe-api', status: 'running' })) ??
        (await this.dataSource
          .getRepository(ReconciliationImport)
          .findOneBy({ tenantId, source: 'stripe-api', status: 'queued' }));
      throw new ConflictError(
        `an import from Stripe is already ${active?.status ?? 'under way'}${active ? ` (${active.id})` : ''}: wait for it to end`,
      );
    }
    return this.dataSource.getRepository(ReconciliationImport).findOneByOrFail({ id });
  }

  /**
   * Records a file import as done, in the transaction that imports its rows (their counts follow);
   * a rail's report keeps the days it covers.
   */
  async insertFileImport(
    tx: EntityManager,
    tenantId: string,
    source: ReconciliationImportSource,
    requestedBy: string,
    covers: { from: Date; to: Date } | null = null,
  ): Promise<string> {
    const id = randomUUID();
    await tx.query(
      `INSERT INTO finance.reconciliation_imports (id, tenant_id, source, status, phase, requested_by, pages, started_at, finished_at, created_from, created_to)
       VALUES ($1, $2, $3, 'succeeded', 'done', $4, 1, now(), now(), $5, $6)`,
      [id, tenantId, source, requestedBy, covers?.from ?? null, covers?.to ?? null],
    );
    return id;
  }

  async recordFileCounts(tx: EntityManager, id: string, counts: FileImportCounts): Promise<void> {
    await tx.query(
      `UPDATE finance.reconciliation_imports SET rows_read = $2, rows_imported = $3, rows_already_imported = $4, rows_skipped = $5 WHERE id = $1`,
      [id, counts.read, counts.imported, counts.alreadyImported, counts.skipped],
    );
  }

  async claimNextApiImport(staleAfterS: number): Promise<ReconciliationImport | null> {
    const id = await this.claimNextJob(staleAfterS, `source = 'stripe-api'`);
    return id ? this.dataSource.getRepository(ReconciliationImport).findOneByOrFail({ id }) : null;
  }

  /** Adds a page's rows, moves the cursor and beats the heart, in the page's transaction; false when the job is no longer this claim's. */
  recordPage(tx: EntityManager, job: ReconciliationImport, page: ImportPageProgress): Promise<boolean> {
    return this.updateClaimedJob(
      tx,
      job,
      `phase = $3, resume_cursor = $4, reached_created = $5, pages = pages + 1, rows_read = rows_read + $6, rows_imported = rows_imported + $7,
       rows_already_imported = rows_already_imported + $8, page_failures = 0, heartbeat_at = now(),
       status = CASE WHEN $9 THEN 'succeeded' ELSE status END, finished_at = CASE WHEN $9 THEN now() END`,
      [page.phase, page.resumeCursor, page.reachedCreated, page.read, page.imported, page.alreadyImported, page.done],
    );
  }

  /** Notes a failed attempt at the current page (the import goes on); answers the attempts so far, or null when no longer this claim's. */
  async recordPageFailure(job: ReconciliationImport, message: string): Promise<number | null> {
    const rows = await this.updateReturning<{ page_failures: number }>(
      this.dataSource,
      `UPDATE finance.reconciliation_imports
       SET page_failures = page_failures + 1, heartbeat_at = now(),
           errors = (SELECT COALESCE(jsonb_agg(e ORDER BY n), '[]') FROM (
             SELECT e, n FROM jsonb_array_elements(errors || jsonb_build_array($3::text)) WITH ORDINALITY AS x(e, n)
             ORDER BY n DESC LIMIT ${KEPT_ERRORS}) kept)
       WHERE id = $1 AND claims = $2 AND status = 'running' RETURNING page_failures`,
      [job.id, job.claims, message.slice(0, 500)],
    );
    return rows[0]?.page_failures ?? null;
  }

  async fail(job: ReconciliationImport, message: string): Promise<boolean> {
    return this.updateClaimedJob(
      this.dataSource.manager,
      job,
      `status = 'failed', finished_at = now(), heartbeat_at = now(), errors = errors || jsonb_build_array($3::text)`,
      [message.slice(0, 500)],
    );
  }

  /** Hands the job back to the queue (instance shutting down); it resumes from its cursor. */
  release(job: ReconciliationImport): Promise<boolean> {
    return this.updateClaimedJob(this.dataSource.manager, job, `status = 'queued', heartbeat_at = NULL`);
  }

  findOfTenant(tenantId: string, id: string): Promise<ReconciliationImport | null> {
    return this.dataSource.getRepository(ReconciliationImport).findOneBy({ tenantId, id });
  }

  listOfTenant(tenantId: string, limit: number): Promise<ReconciliationImport[]> {
    return this.dataSource
      .getRepository(ReconciliationImport)
      .find({ where: { tenantId }, order: { queuedAt: 'DESC', id: 'DESC' }, take: limit });
  }
}
