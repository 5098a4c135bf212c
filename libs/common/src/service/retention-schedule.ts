import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicTask } from './periodic-task';

/** Rows one DELETE removes at most: a large backlog is worked off in short statements, never one long lock. */
export const RETENTION_BATCH_ROWS = 5000;

/** One table's retention: deletes up to `limit` of its rows that are final and older than their period; answers how many. */
export interface RetentionRule {
  /** What the rows are, for the log line: 'published outbox rows'. */
  what: string;
  deleteBatch: (limit: number) => Promise<number>;
}

/** Applies each rule in batches of `batchRows` until a batch comes back short; answers what was deleted, per rule. */
export async function applyRetention(
  rules: readonly RetentionRule[],
  batchRows = RETENTION_BATCH_ROWS,
): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  for (const rule of rules) {
    deleted[rule.what] = 0;
    for (;;) {
      const batch = await rule.deleteBatch(batchRows);
      deleted[rule.what] += batch;
      if (batch < batchRows) break;
    }
  }
  return deleted;
}

/**
 * A feature's retention rules applied every `RETENTION_SWEEP_INTERVAL_S` (a PeriodicTask).
 * Instances may sweep at the same time: a row is deleted once, and a batch deletes whatever is due.
 */
export abstract class RetentionSchedule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private schedule?: PeriodicTask;

  protected abstract readonly rules: readonly RetentionRule[];

  constructor(private readonly intervalMs: number) {}

  onApplicationBootstrap(): void {
    this.schedule = new PeriodicTask(`${this.constructor.name}`, this.intervalMs, () => this.sweep());
    this.schedule.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.schedule?.stop();
  }

  /** Deletes every row due now; answers how many, per rule. */
  async sweep(): Promise<Record<string, number>> {
    const deleted = await applyRetention(this.rules);
    const said = Object.entries(deleted).filter(([, count]) => count > 0);
    if (said.length > 0) this.logger.log(`deleted ${said.map(([what, count]) => `${count} ${what}`).join(', ')}`);
    return deleted;
  }
}
