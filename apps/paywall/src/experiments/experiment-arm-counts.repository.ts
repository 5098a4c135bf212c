import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ArmImpressions } from '@libs/contracts';
import { ExperimentArmCounts } from './experiment-arm-counts.entity';

/** A stored arm's totals as the running experiments' posteriors read them. */
export interface StoredArmCounts {
  tenant_id: string;
  experiment_id: string;
  arm: string;
  impressions: string;
  conversions: string;
  revenue: string;
}

/** What each experiment arm has shown and earned: decisions, conversions, revenue. */
@Injectable()
export class ExperimentArmCountsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds decisions counted by the instances to the arms' totals. */
  async addImpressions(tx: EntityManager, tenantId: string, counts: ArmImpressions[]): Promise<void> {
    await tx.query(
      `INSERT INTO paywall.experiment_arm_counts (tenant_id, experiment_id, arm, impressions)
       SELECT $1, c.experiment_id, c.arm, c.impressions FROM unnest($2::uuid[], $3::text[], $4::bigint[]) AS c(experiment_id, arm, impressions)
       ON CONFLICT (experiment_id, arm) DO UPDATE SET impressions = paywall.experiment_arm_counts.impressions + EXCLUDED.impressions`,
      [tenantId, counts.map((c) => c.experimentId), counts.map((c) => c.arm), counts.map((c) => c.impressions)],
    );
  }

  async addConversion(tx: EntityManager, tenantId: string, experimentId: string, arm: string): Promise<void> {
    await tx.query(
      `INSERT INTO paywall.experiment_arm_counts (tenant_id, experiment_id, arm, conversions) VALUES ($1, $2, $3, 1)
       ON CONFLICT (experiment_id, arm) DO UPDATE SET conversions = paywall.experiment_arm_counts.conversions + 1`,
      [tenantId, experimentId, arm],
    );
  }

  /** Adds revenue to an arm kept in `currency`, or in none yet; revenue in another currency is left out. */
  async addRevenue(
    tx: EntityManager,
    tenantId: string,
    experimentId: string,
    arm: string,
    amount: string,
    currency: string,
  ): Promise<void> {
    await tx.query(
      `UPDATE paywall.experiment_arm_counts SET revenue = revenue + $4::bigint, currency = $5
      WHERE tenant_id = $1 AND experiment_id = $2 AND arm = $3 AND (currency IS NULL OR currency = $5)`,
      [tenantId, experimentId, arm, amount, currency],
    );
  }

  findOfExperiment(tenantId: string, experimentId: string): Promise<ExperimentArmCounts[]> {
    return this.dataSource.getRepository(ExperimentArmCounts).find({ where: { tenantId, experimentId } });
  }

  /** The stored totals of every running experiment's arms. */
  findOfRunningExperiments(): Promise<StoredArmCounts[]> {
    return this.dataSource.query(
      `SELECT c.tenant_id, c.experiment_id, c.arm, c.impressions, c.conversions, c.revenue
         FROM paywall.experiment_arm_counts c JOIN paywall.experiments e ON e.id = c.experiment_id AND e.tenant_id = c.tenant_id
        WHERE e.status = 'running'`,
    );
  }
}
