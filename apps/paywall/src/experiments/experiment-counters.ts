import { Injectable } from '@nestjs/common';
import type { ArmImpressions } from '@libs/contracts';
import type { LiveExperiment } from '../memory/live-experiment';
import { splitArm } from './arm-allocation';

/**
 * Arm decisions counted by this instance and not published yet, by agency, then by experiment and
 * arm: keyed by experiments held in memory (loaded from the database), never by what a client
 * sends, and emptied every second, so it needs no bound.
 */
export type UnpublishedImpressions = Map<string, Map<string, ArmImpressions>>;

/**
 * Arms for decisions, and what this instance counted of them. A decision that shows an arm adds
 * one to the instance's count at once (no I/O); `ExperimentCountsSchedule` publishes the counts
 * every second and reloads the stored totals the arms' weights follow.
 */
@Injectable()
export class ExperimentCounters {
  private pending: UnpublishedImpressions = new Map();

  /** The reader's arm: by their hash on the experiment's weights (under Thompson, reweighed every `PAYWALL_THOMPSON_REWEIGH_S`). */
  assign(experiment: LiveExperiment, readerId: string): number {
    return splitArm(experiment.view.id, readerId, experiment.weights);
  }

  impression(tenantId: string, experiment: LiveExperiment, arm: number): void {
    experiment.counts[arm].impressions++;
    let batch = this.pending.get(tenantId);
    if (!batch) this.pending.set(tenantId, (batch = new Map()));
    const name = experiment.view.arms[arm].name;
    const key = armKey(experiment.view.id, name);
    const held = batch.get(key);
    if (held) held.impressions++;
    else batch.set(key, { experimentId: experiment.view.id, arm: name, impressions: 1 });
  }

  /** What was counted since the last call; the caller publishes it. */
  takeUnpublished(): UnpublishedImpressions {
    const batches = this.pending;
    if (batches.size > 0) this.pending = new Map();
    return batches;
  }

  /** An agency's batch that could not be published, kept for the next. */
  keepUnpublished(tenantId: string, batch: Map<string, ArmImpressions>): void {
    const next = this.pending.get(tenantId) ?? new Map<string, ArmImpressions>();
    for (const [key, counted] of batch) {
      const held = next.get(key);
      if (held) held.impressions += counted.impressions;
      else next.set(key, counted);
    }
    this.pending.set(tenantId, next);
  }

  /** Decisions of an arm counted here and not published yet. */
  unpublished(tenantId: string, experimentId: string, arm: string): number {
    return this.pending.get(tenantId)?.get(armKey(experimentId, arm))?.impressions ?? 0;
  }
}

function armKey(experimentId: string, arm: string): string {
  return `${experimentId}\u0000${arm}`;
}
