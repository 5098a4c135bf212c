import { ReconciliationImportView } from '@libs/contracts';
import { ReconciliationImport } from './reconciliation-import.entity';

export function toReconciliationImportView(job: ReconciliationImport): ReconciliationImportView {
  return {
    id: job.id,
    source: job.source,
    status: job.status,
    phase: job.phase,
    from: job.createdFrom?.toISOString() ?? null,
    to: job.createdTo?.toISOString() ?? null,
    rows: {
      read: job.rowsRead,
      imported: job.rowsImported,
      alreadyImported: job.rowsAlreadyImported,
      skipped: job.rowsSkipped,
    },
    pages: job.pages,
    percent: percentOf(job),
    rowsPerSecond: rowsPerSecond(job.rowsRead, job.startedAt, job.finishedAt ?? job.heartbeatAt),
    errors: job.errors,
    queuedAt: job.queuedAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    heartbeatAt: job.heartbeatAt?.toISOString() ?? null,
  };
}

/**
 * Stripe lists do not say how many objects they hold; they run newest first through the range,
 * so the creation time of the last row read tells how far through it a phase is. Balance
 * transactions are the first half, payouts (far fewer) the second.
 */
export function percentOf(
  job: Pick<ReconciliationImport, 'status' | 'phase' | 'createdFrom' | 'createdTo' | 'reachedCreated' | 'pages'>,
): number | null {
  if (job.phase === 'done' || job.status === 'succeeded') return 100;
  if (!job.createdFrom || !job.createdTo) return null;
  const span = job.createdTo.getTime() - job.createdFrom.getTime();
  const start = job.phase === 'payouts' ? 50 : 0;
  if (!job.reachedCreated) return job.pages === 0 ? null : start;
  const through = Math.min(1, Math.max(0, (job.createdTo.getTime() - job.reachedCreated.getTime()) / span));
  return start + Math.floor(through * 50);
}

/** Rows per second between the start and the last recorded progress, to two decimals. */
export function rowsPerSecond(rows: number, startedAt: Date | null, lastProgressAt: Date | null): number | null {
  if (!startedAt || !lastProgressAt) return null;
  const seconds = (lastProgressAt.getTime() - startedAt.getTime()) / 1000;
  if (seconds <= 0) return null;
  return Math.round((rows / seconds) * 100) / 100;
}
