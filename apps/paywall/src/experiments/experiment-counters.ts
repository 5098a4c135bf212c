import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { jetstream } from '@nats-io/jetstream';
import { headers as natsHeaders, NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { NATS_CONNECTION, SERVICE_OPTIONS, ServiceOptions } from '@libs/common';
import {
  ArmImpressions,
  EventEnvelope,
  ExperimentImpressionsRecorded,
  ExperimentImpressionsRecordedEvent,
  MessageHeader,
} from '@libs/contracts';
import { PaywallEnv } from '../config/paywall.config';
import { LiveExperiment, PaywallMemory } from '../live-state/paywall-memory';
import { ArmCounts, splitArm, thompsonWeights } from './arm-allocation';
import { seededRandom } from './seeded-random';

const EVERY_MS = 1000;
/** Monte Carlo rounds per reweighing: shares to within about a percent. */
const THOMPSON_DRAWS = 4_000;

/**
 * Arms for decisions, and the counts behind them. A decision that shows an arm adds one to this
 * instance's count at once (no I/O); every second the instance publishes what it counted
 * (ExperimentImpressionsRecorded, which one durable consumer adds to the stored totals) and
 * reloads the stored totals of running experiments (decisions of every instance, conversions,
 * revenue), which is what Thompson sampling's posteriors follow. A crash loses at most the last
 * second's counts; shutdown flushes.
 */
@Injectable()
export class ExperimentCounters implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ExperimentCounters.name);
  private pending = new Map<string, Map<string, ArmImpressions>>();
  private timer?: NodeJS.Timeout;
  private ticking: Promise<void> = Promise.resolve();
  private readonly reweighEveryMs: number;

  constructor(
    private readonly memory: PaywallMemory,
    private readonly dataSource: DataSource,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(SERVICE_OPTIONS) options: ServiceOptions,
  ) {
    this.reweighEveryMs = (options.env as PaywallEnv).PAYWALL_THOMPSON_REWEIGH_S * 1000;
  }

  /** The reader's arm: by their hash on the experiment's weights (under Thompson, reweighed every `PAYWALL_THOMPSON_REWEIGH_S`). */
  assign(experiment: LiveExperiment, readerId: string): number {
    return splitArm(experiment.view.id, readerId, experiment.weights);
  }

  impression(tenantId: string, experiment: LiveExperiment, arm: number): void {
    experiment.counts[arm].impressions++;
    let batch = this.pending.get(tenantId);
    if (!batch) this.pending.set(tenantId, (batch = new Map()));
    const name = experiment.view.arms[arm].name;
    const key = `${experiment.view.id}\u0000${name}`;
    const held = batch.get(key);
    if (held) held.impressions++;
    else batch.set(key, { experimentId: experiment.view.id, arm: name, impressions: 1 });
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.ticking = this.ticking.then(() => this.tick());
    }, EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.ticking;
    await this.flush();
  }

  private async tick(): Promise<void> {
    await this.flush();
    await this.refresh().catch((error: Error) =>
      this.logger.warn(`reloading experiment counts failed: ${error.message}`),
    );
  }

  private async flush(): Promise<void> {
    const batches = this.pending;
    if (batches.size === 0) return;
    this.pending = new Map();
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
        const next = this.pending.get(tenantId) ?? new Map<string, ArmImpressions>();
        for (const [key, counted] of batch) {
          const held = next.get(key);
          if (held) held.impressions += counted.impressions;
          else next.set(key, counted);
        }
        this.pending.set(tenantId, next);
      }
    }
  }

  /** Stored totals of running experiments, plus what this instance counted and has not published yet. */
  private async refresh(): Promise<void> {
    if (!this.memory.hasRunningExperiments()) return;
    const rows: {
      tenant_id: string;
      experiment_id: string;
      arm: string;
      impressions: string;
      conversions: string;
      revenue: string;
    }[] = await this.dataSource.query(
      `SELECT c.tenant_id, c.experiment_id, c.arm, c.impressions, c.conversions, c.revenue
         FROM paywall.experiment_arm_counts c JOIN paywall.experiments e ON e.id = c.experiment_id AND e.tenant_id = c.tenant_id
        WHERE e.status = 'running'`,
    );
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
      const unpublished =
        this.pending.get(row.tenant_id)?.get(`${row.experiment_id}\u0000${row.arm}`)?.impressions ?? 0;
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
