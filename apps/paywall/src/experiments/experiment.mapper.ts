import type { ExperimentView } from '@libs/contracts';
import type { Experiment } from './experiment.entity';

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
