import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { ServiceMetrics } from '@libs/common';

/** What became of a beacon that was read: stored now, stored before, or answered without counting. */
export type BeaconOutcome = 'counted' | 'duplicate' | 'filtered' | 'expired' | 'unavailable';

/**
 * Beacons by kind and outcome, unwanted ones by reason, refused ones by status: counted as plain
 * numbers on the hot path and handed to Prometheus when it scrapes.
 */
@Injectable()
export class BeaconTally {
  private readonly outcomes = new Map<string, number>();
  private readonly reasons = new Map<string, number>();
  private readonly statuses = new Map<string, number>();

  constructor(metrics: ServiceMetrics) {
    const metric = (name: string, help: string, labelNames: string[], counts: Map<string, number>) => {
      const reported = new Map<string, number>();
      new Counter({
        name,
        help,
        labelNames,
        registers: [metrics.registry],
        collect() {
          for (const [key, count] of counts) {
            const already = reported.get(key) ?? 0;
            if (count === already) continue;
            const values = key.split(' ');
            this.inc(Object.fromEntries(labelNames.map((label, i) => [label, values[i]])), count - already);
            reported.set(key, count);
          }
        },
      });
    };
    metric(
      'advertising_beacons_total',
      'Beacons read, by kind and outcome (counted, duplicate, filtered, expired, unavailable)',
      ['kind', 'outcome'],
      this.outcomes,
    );
    metric(
      'advertising_beacons_filtered_total',
      'Beacons answered but not counted, by why (bot, prefetch, preview, data-centre, no-user-agent)',
      ['reason'],
      this.reasons,
    );
    metric('advertising_beacons_refused_total', 'Beacon requests refused, by status', ['status'], this.statuses);
  }

  outcome(kind: string, outcome: BeaconOutcome, count = 1): void {
    bump(this.outcomes, `${kind} ${outcome}`, count);
  }

  filtered(reason: string): void {
    bump(this.reasons, reason);
  }

  refused(status: number): void {
    bump(this.statuses, String(status));
  }
}

function bump(counts: Map<string, number>, key: string, count = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + count);
}
