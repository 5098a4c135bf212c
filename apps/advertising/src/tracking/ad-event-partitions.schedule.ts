import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { PeriodicTask, ServiceMetrics } from '@libs/common';
import { AdvertisingEnv } from '../config/advertising.config';
import { AdEventRepository } from './ad-event.repository';
import { PartitionPlan, planPartitions } from './ad-event-partitions';

/** How often each instance looks after the partitions (a day's partition is made a week ahead). */
const EVERY_MS = 3_600_000;

/**
 * Keeps `ad_events` partitioned by day: makes the coming days' partitions, drops those past
 * `ADVERTISING_EVENT_RETENTION_DAYS` (90 at least), at start and hourly. Instances take turns on
 * an advisory lock; the DDL waits at most 5 s for beacons' statements, else it is tried next hour.
 * Rows that reached the DEFAULT partition (no daily partition was there: the job had not run for
 * a week) stay there, still counted once; their days get no partition, which is logged at every
 * run and shown by `advertising_ad_events_default_rows`, and they are deleted past retention.
 */
@Injectable()
export class AdEventPartitionsSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AdEventPartitionsSchedule.name);
  private readonly schedule = new PeriodicTask('ad event partitions', EVERY_MS, () => this.maintain(new Date()));
  private readonly defaultRows: Gauge;

  constructor(
    private readonly events: AdEventRepository,
    private readonly env: AdvertisingEnv,
    metrics: ServiceMetrics,
  ) {
    this.defaultRows = new Gauge({
      name: 'advertising_ad_events_default_rows',
      help: 'Raw ad events in the DEFAULT partition (days without a daily partition), at the last partition run',
      registers: [metrics.registry],
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.maintain(new Date()).catch((error: Error) =>
      this.logger.error(`ad event partitions not kept: ${error.message}`),
    );
    this.schedule.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.schedule.stop();
  }

  /** Makes and drops partitions as of `now`; answers what it planned, or null when another instance is at it. */
  maintain(now: Date): Promise<PartitionPlan | null> {
    return this.events.whileMaintaining(async (manager) => {
      const [partitions, inDefault] = await Promise.all([
        this.events.dayPartitions(manager),
        this.events.daysInDefault(manager),
      ]);
      const plan = planPartitions(
        now.toISOString().slice(0, 10),
        partitions.map((partition) => partition.day),
        inDefault.map((held) => held.day),
        this.env.ADVERTISING_EVENT_RETENTION_DAYS,
      );
      for (const day of plan.create) await this.events.createDayPartition(manager, day);
      for (const partition of partitions.filter((p) => plan.drop.includes(p.day)))
        await this.events.dropPartition(manager, partition);
      const deleted = await this.events.deleteDefaultBefore(manager, plan.defaultKeptFrom);
      const left = inDefault.filter((held) => held.day >= plan.defaultKeptFrom);
      this.defaultRows.set(left.reduce((total, held) => total + held.rows, 0));
      if (plan.drop.length > 0) this.logger.log(`dropped the ad events of ${plan.drop.join(', ')} (past retention)`);
      if (deleted > 0) this.logger.log(`deleted ${deleted} ad events past retention from the DEFAULT partition`);
      if (left.length > 0)
        this.logger.warn(
          `the DEFAULT partition holds ad events of ${left.map((held) => `${held.day} (${held.rows})`).join(', ')}: ` +
            'they stay there, counted once, until retention; those days get no partition of their own',
        );
      return plan;
    });
  }
}
