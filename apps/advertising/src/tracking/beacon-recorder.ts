import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { Histogram } from 'prom-client';
import { ServiceMetrics } from '@libs/common';
import { AdEventRepository, AdEventRow } from './ad-event.repository';

/** What became of a beacon handed to the recorder. */
export type Recorded = 'counted' | 'duplicate' | 'failed';

interface Waiting {
  row: AdEventRow;
  done: (recorded: Recorded) => void;
}

/** Rows one statement stores at most. */
const BATCH_MAX = 2000;
/** Batches committing at once: one forms while another commits, and a second commits beside it. */
const BATCHES_IN_FLIGHT = 2;
/** Beacons waiting for a batch at most; past it a beacon is refused (503), never dropped after acceptance. */
export const BEACONS_WAITING_MAX = 50_000;
/** Tries of a batch that lost a deadlock or a serialization race to another instance's. */
const TRIES = 3;
const RETRYABLE = new Set(['40P01', '40001']);

/**
 * Group commit of beacons: a beacon is answered only once its row is committed, yet the database
 * sees one statement per batch, not one per beacon. Beacons arriving in one turn of the event loop
 * form a batch; while batches commit (at most `BATCHES_IN_FLIGHT`), the next arrivals form the
 * next one, so batches grow with the load and the database's commit cost is shared. A batch that
 * fails answers each of its beacons `failed` (the caller refuses them: not acknowledged, so nothing
 * acknowledged is lost); a kill -9 loses only beacons not answered yet.
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

  constructor(
    private readonly events: AdEventRepository,
    metrics: ServiceMetrics,
  ) {
    this.batchSizes = new Histogram({
      name: 'advertising_beacon_batch_size',
      help: 'Beacons stored per statement (group commit)',
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000],
      registers: [metrics.registry],
    });
  }

  /** Beacons waiting for their batch or in one being committed. */
  get pending(): number {
    return this.waiting.length;
  }

  /** Hands a beacon's row over; `done` is called once it is committed (or its batch failed). False: refused, too many wait. */
  record(row: AdEventRow, done: (recorded: Recorded) => void): boolean {
    if (this.closing || this.waiting.length >= BEACONS_WAITING_MAX) return false;
    this.waiting.push({ row, done });
    if (!this.scheduled && this.inFlight < BATCHES_IN_FLIGHT) {
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
    while (this.inFlight < BATCHES_IN_FLIGHT && this.waiting.length > 0) {
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
    let stored: Set<string>;
    try {
      stored = await this.store(batch);
    } catch (error) {
      this.logger.error(`${batch.length} beacons not stored: ${(error as Error).message}`);
      for (const { done } of batch) done('failed');
      return;
    }
    for (const { row, done } of batch) {
      const key = `${row.beaconId} ${row.kind}`;
      // a beacon twice in one batch is stored once: the first to be answered takes it
      done(stored.delete(key) ? 'counted' : 'duplicate');
    }
  }

  private async store(batch: Waiting[]): Promise<Set<string>> {
    const rows = batch.map((waiting) => waiting.row);
    for (let attempt = 1; ; attempt++) {
      try {
        const stored = await this.events.insertCounting(rows);
        return new Set(stored.map((row) => `${row.beacon_id} ${row.kind}`));
      } catch (error) {
        if (attempt >= TRIES || !RETRYABLE.has((error as { code?: string }).code ?? '')) throw error;
      }
    }
  }
}
