import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsumesEvent } from '@libs/common';
import { EventEnvelope, ExperimentImpressionsRecorded, ExperimentImpressionsRecordedEvent } from '@libs/contracts';

/** Adds the instances' batched decision counts to the arms' totals (one writer: the durable consumer). */
@Controller()
export class ExperimentImpressionsEventsController {
  @ConsumesEvent(ExperimentImpressionsRecorded)
  async store(event: EventEnvelope<ExperimentImpressionsRecordedEvent>, tx: EntityManager): Promise<void> {
    const { counts } = event.data;
    if (counts.length === 0) return;
    await tx.query(
      `INSERT INTO paywall.experiment_arm_counts (tenant_id, experiment_id, arm, impressions)
       SELECT $1, c.experiment_id, c.arm, c.impressions FROM unnest($2::uuid[], $3::text[], $4::bigint[]) AS c(experiment_id, arm, impressions)
       ON CONFLICT (experiment_id, arm) DO UPDATE SET impressions = paywall.experiment_arm_counts.impressions + EXCLUDED.impressions`,
      [event.tenantId, counts.map((c) => c.experimentId), counts.map((c) => c.arm), counts.map((c) => c.impressions)],
    );
  }
}
