import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, ConflictError, EventOutbox, NotFoundError, ValidationFailedError } from '@libs/common';
import {
  ArmImpressions,
  CreateExperimentRequest,
  ExperimentChanged,
  ExperimentResultsView,
  ExperimentStatus,
  ExperimentView,
  UpdateExperimentRequest,
} from '@libs/contracts';
import { OfferRevisionRepository } from '../offers/offer-revision.repository';
import { PolicyRevisionRepository } from '../policies/policy-revision.repository';
import { armStatistics, revenuePerThousand } from './arm-results';
import { ExperimentArmCountsRepository } from './experiment-arm-counts.repository';
import { experimentErrors } from './experiment-errors';
import { Experiment } from './experiment.entity';
import { toView } from './experiment.mapper';
import { ExperimentRepository } from './experiment.repository';

/** Paywall experiments: drafts that can change, then running, then stopped for good. */
@Injectable()
export class ExperimentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly experiments: ExperimentRepository,
    private readonly armCounts: ExperimentArmCountsRepository,
    private readonly policies: PolicyRevisionRepository,
    private readonly offers: OfferRevisionRepository,
    private readonly outbox: EventOutbox,
    private readonly audit: AuditTrail,
  ) {}

  async list(tenantId: string): Promise<ExperimentView[]> {
    return (await this.experiments.findRecentOfTenant(tenantId)).map(toView);
  }

  async get(tenantId: string, id: string): Promise<ExperimentView> {
    return toView(await this.find(this.dataSource.manager, tenantId, id));
  }

  async create(tenantId: string, request: CreateExperimentRequest): Promise<ExperimentView> {
    const fields = await this.checked(tenantId, request);
    return this.dataSource.transaction(async (tx) => {
      const row = await this.experiments.insert(tx, {
        id: randomUUID(),
        tenantId,
        status: 'draft',
        version: 1,
        startedAt: null,
        stoppedAt: null,
        ...fields,
      });
      return this.announce(tx, row, 'experiment.created', null);
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
      return this.announce(tx, await this.experiments.save(tx, row), 'experiment.updated', before);
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
    const rows = await this.armCounts.findOfExperiment(tenantId, id);
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

  /** Adds the decisions the instances counted in arms to the arms' totals (one writer: the durable consumer). */
  async recordImpressions(tx: EntityManager, tenantId: string, counts: ArmImpressions[]): Promise<void> {
    if (counts.length === 0) return;
    await this.armCounts.addImpressions(tx, tenantId, counts);
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
        await this.experiments.save(tx, row),
        `experiment.${to === 'running' ? 'started' : 'stopped'}`,
        before,
      );
    });
  }

  private async find(tx: EntityManager, tenantId: string, id: string, lock = false): Promise<Experiment> {
    const row = lock
      ? await this.experiments.findOfTenantForUpdate(tx, tenantId, id)
      : await this.experiments.findOfTenant(tx, tenantId, id);
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
