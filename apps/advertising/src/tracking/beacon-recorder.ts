import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { Histogram } from 'prom-client';
import { ServiceMetrics } from '@libs/common';
import { AdvertisingEnv } from '../config/advertising.config';
import { AdEventRepository, AdEventRow } from './ad-event.repository';
import { BeaconTally } from './beacon-tally';

interface Waiting {
  row: AdEventRow;
  /** Called once: true when the beacon is stored (now or before), false when its batch failed. */
  done: (stored: boolean) => void;
}

/** Rows one statement stores at most. */
const BATCH_MAX = 2000;
/** Beacons waiting for a batch at most; past it a beacon is refused (503), never dropped after acceptance. */
export const BEACONS_WAITING_MAX = 50_000;
/** Tries of a batch that lost a deadlock or a serialization race to another instance's. */
const TRIES = 3;
const RETRYABLE = new Set(['40P01', '40001']);

/**
 * Group commit of beacons: a beacon is answered only once its row is committed, yet the database
 * sees one statement per batch, not one per beacon. Beacons arriving in one turn of the event loop
 * form a batch; while batches commit (at most `ADVERTISING_BEACON_BATCHES_IN_FLIGHT`), the next arrivals form the
 * next one, so batches grow with the load and the database's commit cost is shared. A batch that
 * fails answers each of its beacons not stored (the caller refuses them: not acknowledged, so
 * nothing acknowledged is lost); a kill -9 loses only beacons not answered yet. Stored and
 * already-stored beacons are tallied by kind.
 */
@Injectable()
export class BeaconRecorder implements BeforeApplicationShutdown {
  private readonly logger = new Logger(BeaconRecorder.name);
  private waiting: Waiting[] = [];
  private inFlight = 0;
  private scheduled = false;
  private closing = false;
  private drained?: () => void;
  private readonly batchSizes: Histogram;
  /** Batches committing at once: the next forms while these commit. */
  private readonly batchesInFlight: number;

  constructor(
    private readonly events: AdEventRepository,
    private readonly tally: BeaconTally,
    metrics: ServiceMetrics,
    env: AdvertisingEnv,
  ) {
    this.batchesInFlight = env.ADVERTISING_BEACON_BATCHES_IN_FLIGHT;
    this.batchSizes = new Histogram({
      name: 'advertising_beacon_batch_size',
      help: 'Beacons stored per statement (group commit)',
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000],
      registers: [metrics.registry],
    });
  }

  /** Beacons waiting for their batch. */
  get pending(): number {
    return this.waiting.length;
  }

  /** Hands a beacon's row over; `done` is called once it is committed (or its batch failed). False: refused, too many wait. */
  record(row: AdEventRow, done: (stored: boolean) => void): boolean {
    if (this.closing || this.waiting.length >= BEACONS_WAITING_MAX) return false;
    this.waiting.push({ row, done });
    if (!this.scheduled && this.inFlight < this.batchesInFlight) {
      this.scheduled = true;
      setImmediate(this.flush);
    }
    return true;
  }

  /** Takes no more beacons and waits for those taken to be committed. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    if (this.waiting.length === 0 && this.inFlight === 0) return;
    await new Promise<void>((resolve) => (this.drained = resolve));
  }

  private readonly flush = (): void => {
    this.scheduled = false;
    while (this.inFlight < this.batchesInFlight && this.waiting.length > 0) {
      const batch = this.waiting.length <= BATCH_MAX ? this.waiting : this.waiting.slice(0, BATCH_MAX);
      this.waiting = this.waiting.length <= BATCH_MAX ? [] : this.waiting.slice(BATCH_MAX);
      this.inFlight++;
      void this.commit(batch).finally(() => {
        this.inFlight--;
        if (this.waiting.length > 0) this.flush();
        else if (this.inFlight === 0) this.drained?.();
      });
    }
  };

  private async commit(batch: Waiting[]): Promise<void> {
    this.batchSizes.observe(batch.length);
    const rows = batch.map((waiting) => waiting.row);
    let stored: { kind: string; stored: number }[];
    try {
      stored = await this.store(rows);
    } catch (error) {
      this.logger.error(`${batch.length} beacons not stored: ${(error as Error).message}`);
      for (const { done } of batch) done(false);
      return;
    }
    for (const { done } of batch) done(true);
    const sent = new Map<string, number>();
    for (const row of rows) sent.set(row.kind, (sent.get(row.kind) ?? 0) + 1);
    for (const [kind, count] of sent) {
      const counted = stored.find((s) => s.kind === kind)?.stored ?? 0;
      this.tally.outcome(kind, 'counted', counted);
      if (count > counted) this.tally.outcome(kind, 'duplicate', count - counted);
    }
  }

  private async store(rows: AdEventRow[]): Promise<{ kind: string; stored: number }[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.events.insertCounting(rows);
      } catch (error) {
        if (attempt >= TRIES || !RETRYABLE.has((error as { code?: string }).code ?? '')) throw error;
      }
    }
  }
}
