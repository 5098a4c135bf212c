import { ProviderSyncJobView, SyncPhaseProgress } from '@libs/contracts';
import { ProviderSyncJob } from './provider-sync-job.entity';

export function toProviderSyncJobView(job: ProviderSyncJob): ProviderSyncJobView {
  return {
    id: job.id,
    trigger: job.trigger,
    status: job.status,
    phase: job.phase,
    subscriptions: phaseProgress(job.subscriptionsProcessed, job.subscriptionsTotal),
    subscriptionsIgnored: job.subscriptionsIgnored,
    invoices: phaseProgress(job.invoicesProcessed, job.invoicesTotal),
    payments: phaseProgress(job.paymentsProcessed, job.paymentsTotal),
    invoicesSince: job.invoicesSince.toISOString(),
    ratePerSecond: ratePerSecond(
      job.subscriptionsProcessed + job.invoicesProcessed + job.paymentsProcessed,
      job.startedAt,
      job.finishedAt ?? job.heartbeatAt,
    ),
    queuedAt: job.queuedAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    heartbeatAt: job.heartbeatAt?.toISOString() ?? null,
    error: job.error,
  };
}

export function phaseProgress(processed: number, total: number | null): SyncPhaseProgress {
  const percent = total === null ? null : total === 0 ? 100 : Math.min(100, Math.floor((processed * 100) / total));
  return { processed, total, percent };
}

/** Objects per second between the start and the last recorded progress, to two decimals. */
export function ratePerSecond(processed: number, startedAt: Date | null, lastProgressAt: Date | null): number | null {
  if (!startedAt || !lastProgressAt) return null;
  const seconds = (lastProgressAt.getTime() - startedAt.getTime()) / 1000;
  if (seconds <= 0) return null;
  return Math.round((processed / seconds) * 100) / 100;
}
