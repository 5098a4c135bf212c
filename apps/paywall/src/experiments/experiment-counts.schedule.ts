import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { jetstream } from '@nats-io/jetstream';
import { headers as natsHeaders, NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { NATS_CONNECTION, PeriodicTask } from '@libs/common';
import {
  EventEnvelope,
  ExperimentImpressionsRecorded,
  ExperimentImpressionsRecordedEvent,
  MessageHeader,
} from '@libs/contracts';
import { PaywallEnv } from '../config/paywall.config';
import type { ArmCounts } from '../memory/arm-counts';
import type { LiveExperiment } from '../memory/live-experiment';
import { PaywallMemory } from '../memory/paywall-memory';
import { thompsonWeights } from './arm-allocation';
import { ExperimentArmCountsRepository } from './experiment-arm-counts.repository';
import { ExperimentCounters } from './experiment-counters';
import { seededRandom } from './seeded-random';

const EVERY_MS = 1000;
/** Monte Carlo rounds per reweighing: shares to within about a percent. */
const THOMPSON_DRAWS = 4_000;

/**
 * Every second, the instance publishes what it counted in arms (ExperimentImpressionsRecorded,
 * which one durable consumer adds to the stored totals) and reloads the stored totals of running
 * experiments (decisions of every instance, conversions, revenue), which is what Thompson
 * sampling's posteriors follow. A crash loses at most the last second's counts; shutdown flushes.
 */
@Injectable()
export class ExperimentCountsSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ExperimentCountsSchedule.name);
  private readonly schedule = new PeriodicTask('experiment counts', EVERY_MS, () => this.tick());
  private readonly reweighEveryMs: number;

  constructor(
    private readonly counters: ExperimentCounters,
    private readonly memory: PaywallMemory,
    private readonly armCounts: ExperimentArmCountsRepository,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    env: PaywallEnv,
  ) {
    this.reweighEveryMs = env.PAYWALL_THOMPSON_REWEIGH_S * 1000;
  }

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.schedule.stop();
    await this.flush();
  }

  private async tick(): Promise<void> {
    await this.flush();
    await this.refresh().catch((error: Error) =>
      this.logger.warn(`reloading experiment counts failed: ${error.message}`),
    );
  }

  private async flush(): Promise<void> {
    const batches = this.counters.takeUnpublished();
    if (batches.size === 0) return;
    const js = jetstream(this.nats);
    for (const [tenantId, batch] of batches) {
      const envelope: EventEnvelope<ExperimentImpressionsRecordedEvent> = {
        id: randomUUID(),
        type: ExperimentImpressionsRecorded.subject,
        source: 'paywall',
        tenantId,
        time: new Date().toISOString(),
        subject: tenantId,
        dataVersion: ExperimentImpressionsRecorded.dataVersion,
        data: { counts: [...batch.values()] },
      };
      const headers = natsHeaders();
      headers.set(MessageHeader.tenantId, tenantId);
      try {
        await js.publish(ExperimentImpressionsRecorded.subject, JSON.stringify(envelope), {
          msgID: envelope.id,
          headers,
        });
      } catch (error) {
        // Kept for the next second's batch.
        this.logger.warn(`publishing experiment counts failed, retrying: ${(error as Error).message}`);
        this.counters.keepUnpublished(tenantId, batch);
      }
    }
  }

  /** Stored totals of running experiments, plus what this instance counted and has not published yet. */
  private async refresh(): Promise<void> {
    if (!this.memory.hasRunningExperiments()) return;
    const rows = await this.armCounts.findOfRunningExperiments();
    const stored = new Map<LiveExperiment, ArmCounts[]>();
    for (const row of rows) {
      const experiment = this.memory.tenant(row.tenant_id)?.experiments.get(row.experiment_id);
      const arm = experiment?.view.arms.findIndex((a) => a.name === row.arm) ?? -1;
      if (!experiment || arm < 0) continue;
      const counts = {
        impressions: Number(row.impressions),
        conversions: Number(row.conversions),
        revenue: Number(row.revenue),
      };
      if (!stored.has(experiment))
        stored.set(
          experiment,
          experiment.view.arms.map(() => ({ impressions: 0, conversions: 0, revenue: 0 })),
        );
      stored.get(experiment)![arm] = counts;
      const unpublished = this.counters.unpublished(row.tenant_id, row.experiment_id, row.arm);
      experiment.counts[arm] = { ...counts, impressions: counts.impressions + unpublished };
    }
    this.reweigh(stored);
  }

  /**
   * Thompson shares, once per period of `PAYWALL_THOMPSON_REWEIGH_S` on the wall clock, from the
   * stored counts with a seed of the experiment and the period: every instance (a restarted one
   * too) places a reader on the same arm.
   */
  private reweigh(stored: Map<LiveExperiment, ArmCounts[]>): void {
    const period = Math.floor(Date.now() / this.reweighEveryMs);
    for (const experiment of this.memory.runningExperiments()) {
      if (experiment.view.allocation !== 'thompson' || experiment.weighedInPeriod === period) continue;
      // Started in this period: even shares (nothing was known at its start) until the next one.
      if (
        experiment.weighedInPeriod === undefined &&
        Math.floor(Date.parse(experiment.view.startedAt ?? '') / this.reweighEveryMs) === period
      ) {
        experiment.weighedInPeriod = period;
        continue;
      }
      const counts =
        stored.get(experiment) ?? experiment.view.arms.map(() => ({ impressions: 0, conversions: 0, revenue: 0 }));
      experiment.weights = thompsonWeights(
        counts,
        experiment.view.objective,
        seededRandom(seedOf(experiment.view.id, period)),
        THOMPSON_DRAWS,
      );
      experiment.weighedInPeriod = period;
    }
  }
}

/** 32 bits of the experiment id and the period, as the seed of that period's draws. */
function seedOf(experimentId: string, period: number): number {
  let seed = period >>> 0;
  for (let i = 0; i < experimentId.length; i++) seed = Math.imul(seed ^ experimentId.charCodeAt(i), 0x01000193) >>> 0;
  return seed;
}
