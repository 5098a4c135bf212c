import { Injectable } from '@nestjs/common';
import { Caller, NotFoundError, ValidationFailedError } from '@libs/common';
import { RECONCILIATION_LIST_LIMIT, ReconciliationRunView, StartReconciliationRunRequest } from '@libs/contracts';
import { toReconciliationRunView } from './reconciliation-run.mapper';
import { ReconciliationRunRepository } from './reconciliation-run.repository';
import { ReconciliationRunner } from './reconciliation.runner';

/** Reconciliation on demand: a queued run (one per agency at a time) that a runner works, and what it found. */
@Injectable()
export class ReconciliationRunsService {
  constructor(
    private readonly runs: ReconciliationRunRepository,
    private readonly runner: ReconciliationRunner,
  ) {}

  async start(caller: Caller, request: StartReconciliationRunRequest): Promise<ReconciliationRunView> {
    const window = {
      from: request.from ? new Date(request.from) : undefined,
      to: request.to ? new Date(request.to) : undefined,
    };
    if (window.from && window.to && window.to <= window.from)
      throw new ValidationFailedError([{ field: 'to', message: 'to must be after from' }]);
    const { run, queued } = await this.runs.enqueue(caller.tenantId, window, caller.actor);
    if (queued) this.runner.wake();
    return toReconciliationRunView(run);
  }

  async get(tenantId: string, id: string): Promise<ReconciliationRunView> {
    const run = await this.runs.findOfTenant(tenantId, id);
    if (!run) throw new NotFoundError('reconciliation run', id);
    return toReconciliationRunView(run);
  }

  async list(tenantId: string, limit: number = RECONCILIATION_LIST_LIMIT.default): Promise<ReconciliationRunView[]> {
    return (await this.runs.listOfTenant(tenantId, limit)).map(toReconciliationRunView);
  }
}
