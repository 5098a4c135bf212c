import { Injectable, Logger } from '@nestjs/common';
import { ClaimedJobLoop, ClaimedJobRunner, ClaimedJobStep } from '@libs/common';
import { SubscriptionsEnv } from '../config/subscriptions.config';
import { PageRequest } from '../payments/page-request';
import { inProviderLane } from '../payments/provider-lane';
import { ProviderAccount } from '../payments/provider-account';
import { ProviderBilling } from '../payments/provider-billing';
import { StripeAccountsService } from '../stripe-accounts/stripe-accounts.service';
import { DriftRepairService } from './drift-repair.service';
import { PaymentDriftRepairService, PaymentPhase } from './payment-drift-repair.service';
import { ProviderSyncJob } from './provider-sync-job.entity';
import { ProviderSyncJobRepository } from './provider-sync-job.repository';
import { ProviderSyncProgress } from './provider-sync-progress';

const IDLE_POLL_MS = 1000;
/** The phase after each payment phase; the last one ends the job. */
const AFTER: Record<PaymentPhase, PaymentPhase | null> = {
  refunds: 'disputes',
  disputes: 'gift-checkouts',
  'gift-checkouts': null,
};

/**
 * Runs sync jobs one provider page at a time: claims a queued job (or one whose instance went
 * silent), repairs each object of the page, then records progress, cursor and heartbeat before
 * the next page. Instances share the jobs; on shutdown the job in hand goes back to the queue and
 * another instance resumes it from its cursor.
 */
@Injectable()
export class ProviderSyncRunner extends ClaimedJobRunner<ProviderSyncJob> {
  private readonly logger = new Logger(ProviderSyncRunner.name);
  protected readonly loop = new ClaimedJobLoop<ProviderSyncJob>({
    logger: this.logger,
    label: 'provider sync',
    jobNoun: 'sync job',
    idleMs: IDLE_POLL_MS,
    contextOf: (job) => ({ requestId: `provider-sync:${job.id}`, tenantId: job.tenantId, actor: 'provider-sync' }),
    claim: () => this.jobs.claimNext(this.staleAfterS),
    step: (job) => inProviderLane('sync', () => this.syncNextPage(job)),
    recordFailure: (job, error) => this.jobs.fail(job, error.message),
    handBack: async (job) => {
      if (await this.jobs.release(job)) this.logger.log(`sync job ${job.id} handed back in its ${job.phase} phase`);
    },
  });
  private readonly staleAfterS: number;
  private readonly pageSize: number;

  constructor(
    private readonly jobs: ProviderSyncJobRepository,
    private readonly accounts: StripeAccountsService,
    private readonly provider: ProviderBilling,
    private readonly repair: DriftRepairService,
    private readonly paymentRepair: PaymentDriftRepairService,
    env: SubscriptionsEnv,
  ) {
    super();
    this.staleAfterS = env.PROVIDER_SYNC_STALE_AFTER_S;
    this.pageSize = env.PROVIDER_SYNC_PAGE_SIZE;
  }

  /** Repairs the next page of the job, then records its progress, cursor and heartbeat. */
  private async syncNextPage(job: ProviderSyncJob): Promise<ClaimedJobStep> {
    const progress = await this.repairNextPage(job);
    if (!(await this.jobs.recordProgress(job, progress))) return 'lost';
    if (progress.status === 'succeeded') return 'done';
    Object.assign(job, progress);
    return 'continues';
  }

  private async repairNextPage(job: ProviderSyncJob): Promise<ProviderSyncProgress> {
    const account = await this.accounts.providerAccountOf(job.tenantId);
    const page: PageRequest = { after: job.resumeCursor, limit: this.pageSize };
    switch (job.phase) {
      case 'subscriptions':
        return this.syncSubscriptionsPage(job, account, page);
      case 'invoices':
        return this.syncInvoicesPage(job, account, page);
      default:
        return this.syncPaymentsPage(job, job.phase, account, page);
    }
  }

  private async syncSubscriptionsPage(
    job: ProviderSyncJob,
    account: ProviderAccount,
    page: PageRequest,
  ): Promise<ProviderSyncProgress> {
    const listed = await this.provider.listSubscriptionsPage(account, page);
    let ignored = 0;
    for (const id of listed.ids) {
      const ours = await naming(`subscription ${id}`, () => this.repair.repairSubscription(account, id));
      if (!ours) ignored++;
    }
    const processed = job.subscriptionsProcessed + listed.ids.length;
    const counts = { subscriptionsProcessed: processed, subscriptionsIgnored: job.subscriptionsIgnored + ignored };
    if (listed.next) return { ...counts, subscriptionsTotal: listed.total, resumeCursor: listed.next };
    return { ...counts, subscriptionsTotal: processed, phase: 'invoices', resumeCursor: null };
  }

  private async syncInvoicesPage(
    job: ProviderSyncJob,
    account: ProviderAccount,
    page: PageRequest,
  ): Promise<ProviderSyncProgress> {
    const listed = await this.provider.listPaidInvoicesPage(account, job.invoicesSince, page);
    for (const id of listed.ids) await naming(`invoice ${id}`, () => this.repair.repairInvoice(account, id));
    const processed = job.invoicesProcessed + listed.ids.length;
    if (listed.next) return { invoicesProcessed: processed, invoicesTotal: listed.total, resumeCursor: listed.next };
    return { invoicesProcessed: processed, invoicesTotal: processed, phase: 'refunds', resumeCursor: null };
  }

  /** Refunds, then disputes, then gift checkouts, each from the job's window; the last page of the last ends the job. */
  private async syncPaymentsPage(
    job: ProviderSyncJob,
    phase: PaymentPhase,
    account: ProviderAccount,
    page: PageRequest,
  ): Promise<ProviderSyncProgress> {
    const repaired = await this.paymentRepair.repairPage(phase, account, job.invoicesSince, page);
    const processed = job.paymentsProcessed + repaired.listed;
    if (repaired.next) return { paymentsProcessed: processed, resumeCursor: repaired.next };
    const following = AFTER[phase];
    if (following) return { paymentsProcessed: processed, phase: following, resumeCursor: null };
    return { paymentsProcessed: processed, paymentsTotal: processed, resumeCursor: null, status: 'succeeded' };
  }
}

/** Says which object a repair failed on. */
async function naming<T>(what: string, repair: () => Promise<T>): Promise<T> {
  try {
    return await repair();
  } catch (error) {
    throw new Error(`${what}: ${(error as Error).message}`, { cause: error });
  }
}
