import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, ConflictError, EventOutbox, NotFoundError, ValidationFailedError } from '@libs/common';
import {
  CreateExperimentRequest,
  ExperimentChanged,
  ExperimentResultsView,
  ExperimentStatus,
  ExperimentView,
  OfferView,
  PolicyView,
  UpdateExperimentRequest,
} from '@libs/contracts';
import { OfferRevisionsRepository } from '../offers/offer-revisions.repository';
import { PolicyRevisionsRepository } from '../policies/policy-revisions.repository';
import { armStatistics, revenuePerThousand } from './arm-results';
import { ExperimentArmCounts } from './experiment-arm-counts.entity';
import { Experiment } from './experiment.entity';

type FieldError = { field: string; message: string };

/** Paywall experiments: drafts that can change, then running, then stopped for good. */
@Injectable()
export class ExperimentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: PolicyRevisionsRepository,
    private readonly offers: OfferRevisionsRepository,
    private readonly outbox: EventOutbox,
    private readonly audit: AuditTrail,
  ) {}

  async list(tenantId: string): Promise<ExperimentView[]> {
    const rows = await this.dataSource
      .getRepository(Experiment)
      .find({ where: { tenantId }, order: { createdAt: 'DESC' }, take: 500 });
    return rows.map(toView);
  }

  async get(tenantId: string, id: string): Promise<ExperimentView> {
    return toView(await this.find(this.dataSource.manager, tenantId, id));
  }

  async create(tenantId: string, request: CreateExperimentRequest): Promise<ExperimentView> {
    const fields = await this.checked(tenantId, request);
    return this.dataSource.transaction(async (tx) => {
      const row = tx.getRepository(Experiment).create({
        id: randomUUID(),
        tenantId,
        status: 'draft',
        version: 1,
        startedAt: null,
        stoppedAt: null,
        ...fields,
      });
      return this.announce(tx, await tx.getRepository(Experiment).save(row), 'experiment.created', null);
    });
  }

  async update(tenantId: string, request: UpdateExperimentRequest): Promise<ExperimentView> {
    await this.find(this.dataSource.manager, tenantId, request.id);
    const fields = await this.checked(tenantId, request);
    return this.dataSource.transaction(async (tx) => {
      const row = await this.find(tx, tenantId, request.id, true);
      if (row.status !== 'draft')
        throw new ConflictError(`experiment ${row.id} is ${row.status}; only a draft can change`);
      const before = toView(row);
      Object.assign(row, fields, { version: row.version + 1 });
      return this.announce(tx, await tx.getRepository(Experiment).save(row), 'experiment.updated', before);
    });
  }

  start(tenantId: string, id: string): Promise<ExperimentView> {
    return this.move(tenantId, id, ['draft'], 'running');
  }

  stop(tenantId: string, id: string): Promise<ExperimentView> {
    return this.move(tenantId, id, ['draft', 'running'], 'stopped');
  }

  async results(tenantId: string, id: string): Promise<ExperimentResultsView> {
    const experiment = await this.find(this.dataSource.manager, tenantId, id);
    const rows = await this.dataSource
      .getRepository(ExperimentArmCounts)
      .find({ where: { tenantId, experimentId: id } });
    const counts = experiment.arms.map((arm) => {
      const row = rows.find((r) => r.arm === arm.name);
      return {
        impressions: BigInt(row?.impressions ?? 0),
        conversions: BigInt(row?.conversions ?? 0),
        revenue: BigInt(row?.revenue ?? 0),
        currency: row?.currency ?? null,
      };
    });
    const statistics = armStatistics(
      counts.map((c) => ({
        impressions: Number(c.impressions),
        conversions: Number(c.conversions),
        revenue: Number(c.revenue),
      })),
      experiment.objective,
    );
    return {
      experimentId: id,
      status: experiment.status,
      objective: experiment.objective,
      currency: counts.find((c) => c.currency)?.currency ?? null,
      arms: experiment.arms.map((arm, index) => ({
        arm: arm.name,
        impressions: Number(counts[index].impressions),
        conversions: Number(counts[index].conversions),
        conversionRate: statistics[index].conversionRate,
        credibleInterval: { low: statistics[index].credibleInterval[0], high: statistics[index].credibleInterval[1] },
        revenue: counts[index].revenue.toString(),
        revenuePerThousandDecisions: revenuePerThousand(counts[index].revenue, counts[index].impressions).toString(),
        probabilityBest: statistics[index].probabilityBest,
      })),
    };
  }

  private async move(
    tenantId: string,
    id: string,
    from: ExperimentStatus[],
    to: ExperimentStatus,
  ): Promise<ExperimentView> {
    return this.dataSource.transaction(async (tx) => {
      const row = await this.find(tx, tenantId, id, true);
      if (!from.includes(row.status))
        throw new ConflictError(`experiment ${row.id} is ${row.status}; it cannot become ${to}`);
      const before = toView(row);
      row.status = to;
      row.version += 1;
      if (to === 'running') row.startedAt = new Date();
      if (to === 'stopped') row.stoppedAt = new Date();
      return this.announce(
        tx,
        await tx.getRepository(Experiment).save(row),
        `experiment.${to === 'running' ? 'started' : 'stopped'}`,
        before,
      );
    });
  }

  private async find(tx: EntityManager, tenantId: string, id: string, lock = false): Promise<Experiment> {
    const row = await tx
      .getRepository(Experiment)
      .findOne({ where: { tenantId, id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!row) throw new NotFoundError('experiment', id);
    return row;
  }

  private async announce(
    tx: EntityManager,
    row: Experiment,
    action: string,
    before: ExperimentView | null,
  ): Promise<ExperimentView> {
    const view = toView(row);
    await this.outbox.add(tx, ExperimentChanged, { tenantId: row.tenantId, subject: row.id, data: view });
    await this.audit.record(tx, {
      tenantId: row.tenantId,
      action,
      targetType: 'experiment',
      targetId: row.id,
      before,
      after: view,
    });
    return view;
  }

  /** What the request's shape cannot check: what each target needs, and that what arms refer to exists. */
  private async checked(tenantId: string, request: CreateExperimentRequest) {
    const [policies, offers] = await Promise.all([this.policies.current(tenantId), this.offers.current(tenantId)]);
    const errors = experimentErrors(request, policies?.policies ?? [], offers?.offers ?? []);
    if (errors.length > 0) throw new ValidationFailedError(errors);
    return {
      name: request.name,
      target: request.target,
      policyId: request.policyId ?? null,
      allocation: request.allocation,
      objective: request.objective ?? 'conversion',
      arms: request.arms.map((arm) => ({
        name: arm.name,
        weight: arm.weight ?? 1,
        limit: arm.limit ?? null,
        offerId: arm.offerId ?? null,
      })),
    };
  }
}

export function experimentErrors(
  request: CreateExperimentRequest,
  policies: PolicyView[],
  offers: OfferView[],
): FieldError[] {
  const errors: FieldError[] = [];
  const names = new Set<string>();
  request.arms.forEach((arm, index) => {
    if (names.has(arm.name)) errors.push({ field: `arms[${index}].name`, message: 'each arm name may appear once' });
    names.add(arm.name);
  });
  if (request.target === 'meter-limit') {
    const policy = policies.find((p) => p.id === request.policyId);
    if (!request.policyId) errors.push({ field: 'policyId', message: 'policyId is needed by meter-limit experiments' });
    else if (!policy || policy.rule.kind !== 'metered')
      errors.push({ field: 'policyId', message: 'policyId must be a metered policy of the current revision' });
    request.arms.forEach((arm, index) => {
      if (arm.limit === undefined)
        errors.push({ field: `arms[${index}].limit`, message: 'limit is needed by meter-limit experiments' });
      if (arm.offerId !== undefined)
        errors.push({ field: `arms[${index}].offerId`, message: 'offerId does not apply to meter-limit experiments' });
    });
  } else {
    if (request.policyId !== undefined)
      errors.push({ field: 'policyId', message: 'policyId does not apply to offer experiments' });
    request.arms.forEach((arm, index) => {
      if (arm.offerId === undefined)
        errors.push({ field: `arms[${index}].offerId`, message: 'offerId is needed by offer experiments' });
      else if (!offers.some((offer) => offer.id === arm.offerId))
        errors.push({ field: `arms[${index}].offerId`, message: 'offerId must be an offer of the current revision' });
      if (arm.limit !== undefined)
        errors.push({ field: `arms[${index}].limit`, message: 'limit does not apply to offer experiments' });
    });
  }
  return errors;
}

export function toView(row: Experiment): ExperimentView {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    target: row.target,
    policyId: row.policyId,
    arms: row.arms,
    allocation: row.allocation,
    objective: row.objective,
    version: row.version,
    startedAt: row.startedAt?.toISOString() ?? null,
    stoppedAt: row.stoppedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
