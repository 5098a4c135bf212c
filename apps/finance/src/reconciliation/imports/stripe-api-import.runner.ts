import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Caller, ClaimedJobLoop, ClaimedJobRunner, ClaimedJobStep, RemoteRpcError, RpcClient } from '@libs/common';
import {
  ListProviderActivityRequest,
  ListProviderBalanceTransactions,
  ListProviderPayouts,
  PROVIDER_BALANCE_PAGE_MAX,
  SERVICE_ROLES,
  RpcErrorCode,
} from '@libs/contracts';
import { FinanceEnv } from '../../config/finance.config';
import { PayoutBookingsService } from '../statements/payout-bookings.service';
import { ImportedBalanceTransaction, ImportedPayout } from '../statements/statement-rows';
import { StatementRepository } from '../statements/statement.repository';
import { ImportPacer } from './import-pacer';
import { ReconciliationImport } from './reconciliation-import.entity';
import { ImportPageProgress, ReconciliationImportRepository } from './reconciliation-import.repository';

const IDLE_POLL_MS = 1000;
/** Attempts at one page before the import fails (a timeout or an unreachable service is tried again). */
const PAGE_ATTEMPTS = 5;

type Page =
  | { kind: 'balance-transactions'; rows: ImportedBalanceTransaction[]; next: string | null }
  | { kind: 'payouts'; rows: ImportedPayout[]; next: string | null };

/** The page's rows were read but the job is no longer this instance's: nothing of the page is kept. */
class SupersededError extends Error {}

/** The import ends: a page was refused, or failed too often. */
class ImportFailedError extends Error {}

/**
 * Works API imports one provider page at a time: claims a queued import (or one whose instance
 * went silent), asks subscriptions for the next page of balance transactions (then payouts) at
 * the agency's pace, and in one transaction stores the page's rows and the job's cursor, counts
 * and heartbeat. So an import cut off anywhere resumes after its last stored page, and no page is
 * stored twice. On shutdown the job in hand goes back to the queue.
 */
@Injectable()
export class StripeApiImportRunner extends ClaimedJobRunner<ReconciliationImport> {
  private readonly logger = new Logger(StripeApiImportRunner.name);
  protected readonly loop = new ClaimedJobLoop<ReconciliationImport>({
    logger: this.logger,
    label: 'stripe import',
    jobNoun: 'import',
    idleMs: IDLE_POLL_MS,
    contextOf: (job) => ({
      requestId: `stripe-import:${job.id}`,
      tenantId: job.tenantId,
      actor: 'reconciliation-import',
    }),
    claim: () => this.imports.claimNextApiImport(this.staleAfterS),
    step: (job) => this.importNextPage(job),
    // A page that failed is tried again in the step; an error recording that attempt leaves the import in hand.
    endsJob: (error) => error instanceof ImportFailedError,
    recordFailure: (job, error) => this.imports.fail(job, error.message),
    handBack: async (job) => {
      if (await this.imports.release(job)) this.logger.log(`import ${job.id} handed back in its ${job.phase} phase`);
    },
  });
  private readonly pacer: ImportPacer;
  private readonly staleAfterS: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly imports: ReconciliationImportRepository,
    private readonly statements: StatementRepository,
    private readonly payouts: PayoutBookingsService,
    private readonly rpc: RpcClient,
    env: FinanceEnv,
  ) {
    super();
    this.pacer = new ImportPacer(env.RECONCILIATION_IMPORT_MAX_REQUESTS_PER_S);
    this.staleAfterS = env.RECONCILIATION_STALE_AFTER_S;
  }

  private async importNextPage(job: ReconciliationImport): Promise<ClaimedJobStep> {
    let page: Page;
    try {
      await this.pacer.wait(job.tenantId);
      page = await this.readPage(job);
    } catch (error) {
      return this.pageFailed(job, error as Error);
    }
    try {
      const progress = await this.dataSource.transaction(async (tx) => {
        let imported: number;
        if (page.kind === 'balance-transactions') {
          imported = await this.statements.insertBalanceTransactions(tx, job.tenantId, job.id, page.rows);
        } else {
          const added = await this.statements.upsertPayouts(tx, job.tenantId, job.id, page.rows);
          await this.payouts.bookSent(tx, job.tenantId, added);
          imported = added.length;
        }
        const progress = progressOf(job, page, imported);
        if (!(await this.imports.recordPage(tx, job, progress))) throw new SupersededError();
        return progress;
      });
      if (progress.done) return 'done';
      Object.assign(job, {
        phase: progress.phase,
        resumeCursor: progress.resumeCursor,
        reachedCreated: progress.reachedCreated,
        pages: job.pages + 1,
      });
      return 'continues';
    } catch (error) {
      if (error instanceof SupersededError) return 'lost';
      return this.pageFailed(job, error as Error);
    }
  }

  private async readPage(job: ReconciliationImport): Promise<Page> {
    const request: ListProviderActivityRequest = {
      createdFrom: job.createdFrom!.toISOString(),
      createdTo: job.createdTo!.toISOString(),
      ...(job.resumeCursor ? { after: job.resumeCursor } : {}),
      limit: PROVIDER_BALANCE_PAGE_MAX,
    };
    const caller: Caller = {
      tenantId: job.tenantId,
      actor: `reconciliation-import:${job.id}`,
      roles: [SERVICE_ROLES.reconciliationImport],
      requestId: `stripe-import:${job.id}:${job.pages}`,
    };
    if (job.phase === 'balance-transactions') {
      const listed = await this.rpc.request(ListProviderBalanceTransactions, request, caller);
      const rows = listed.items.map((t): ImportedBalanceTransaction => ({
        id: t.id,
        createdAt: new Date(t.createdAt),
        availableOn: new Date(t.availableOn),
        currency: t.currency,
        amount: BigInt(t.amount),
        fee: BigInt(t.fee),
        net: BigInt(t.net),
        reportingCategory: t.reportingCategory,
        type: t.type,
        sourceId: t.sourceId,
        description: t.description,
        payoutId: null,
      }));
      return { kind: 'balance-transactions', rows, next: listed.nextAfter };
    }
    const listed = await this.rpc.request(ListProviderPayouts, request, caller);
    const rows = listed.items.map((p): ImportedPayout => ({
      id: p.id,
      createdAt: new Date(p.createdAt),
      arrivalDate: p.arrivalDate,
      currency: p.currency,
      amount: BigInt(p.amount),
      status: p.status,
      statementDescriptor: p.statementDescriptor,
      balanceTransactionId: p.balanceTransactionId,
    }));
    return { kind: 'payouts', rows, next: listed.nextAfter };
  }

  /**
   * A refusal (no Stripe account, bad range) ends the import; anything else (a timeout, Stripe
   * unreachable) is tried again a few times, more slowly each time, before it does.
   */
  private async pageFailed(job: ReconciliationImport, error: Error): Promise<ClaimedJobStep> {
    const message = `${job.phase} page ${job.pages + 1}: ${error.message}`;
    const refused = error instanceof RemoteRpcError && error.code !== RpcErrorCode.Internal;
    const attempts = refused ? PAGE_ATTEMPTS : await this.imports.recordPageFailure(job, message);
    if (attempts === null) return 'lost';
    if (attempts >= PAGE_ATTEMPTS) throw new ImportFailedError(message);
    await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempts));
    return 'continues';
  }
}

function progressOf(job: ReconciliationImport, page: Page, imported: number): ImportPageProgress {
  const counts = { read: page.rows.length, imported, alreadyImported: page.rows.length - imported };
  const reachedCreated = page.rows.at(-1)?.createdAt ?? job.reachedCreated;
  if (page.next) return { ...counts, phase: job.phase, resumeCursor: page.next, reachedCreated, done: false };
  if (page.kind === 'balance-transactions')
    return { ...counts, phase: 'payouts', resumeCursor: null, reachedCreated: null, done: false };
  return { ...counts, phase: 'done', resumeCursor: null, reachedCreated: null, done: true };
}
