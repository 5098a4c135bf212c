import { ReconciliationRunView } from '@libs/contracts';
import { ReconciliationRun } from './reconciliation-run.entity';

export function toReconciliationRunView(run: ReconciliationRun): ReconciliationRunView {
  return {
    id: run.id,
    status: run.status,
    from: run.windowFrom?.toISOString() ?? null,
    to: run.windowTo?.toISOString() ?? null,
    stripeTransactions: run.stripeTransactions,
    matched: run.matched,
    payoutsMatched: run.payoutsMatched,
    exceptionsOpened: run.exceptionsOpened,
    exceptionsCleared: run.exceptionsCleared,
    durationMs: run.durationMs,
    queuedAt: run.queuedAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    error: run.error,
  };
}
