import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { jetstream } from '@nats-io/jetstream';
import { headers as natsHeaders, NatsConnection } from '@nats-io/transport-node';
import { Counter } from 'prom-client';
import { randomUUID } from 'node:crypto';
import { BoundedMap, NATS_CONNECTION, ServiceMetrics } from '@libs/common';
import { EventEnvelope, MessageHeader, ReadsRecorded, ReadsRecordedEvent, READS_PER_EVENT_MAX } from '@libs/contracts';
import { PaywallEnv } from '../config/paywall.config';
import { METER_MEMORY_DAYS } from '../decisions/meter-tokens';
import type { MeteredRead } from '../decisions/decision-types';
import { BatchLimits, PendingReads, ReadsBatch } from './pending-reads';

const FLUSH_EVERY_MS = 50;
/** NATS's default largest message, when the server does not say. */
const DEFAULT_MAX_PAYLOAD = 1024 * 1024;
/** Room in a message for the envelope around the reads. */
const ENVELOPE_BYTES = 4 * 1024;

/**
 * Logged-in readers' meters, server-side. Every instance holds every reader's recent reads in
 * memory (up to PAYWALL_READER_METERS_MAX readers, the least recently seen forgotten first); a
 * counted read is added here at once and published (batched per agency every 50 ms, cut under the
 * event's array limit and NATS's message size) as ReadsRecorded, which every instance applies and
 * one stores. A crash loses at most the reads of the last batch, and while NATS is away at most
 * PAYWALL_PENDING_READS_MAX reads wait, the oldest dropped first (the meter then counts low,
 * never high); shutdown flushes.
 */
@Injectable()
export class ReaderMeters implements OnApplicationShutdown {
  private readonly logger = new Logger(ReaderMeters.name);
  private readonly meters: BoundedMap<string, MeteredRead[]>;
  private readonly pending: PendingReads;
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    env: PaywallEnv,
    metrics: ServiceMetrics,
  ) {
    this.meters = new BoundedMap({ maxEntries: env.PAYWALL_READER_METERS_MAX });
    const dropped = new Counter({
      name: 'paywall_reader_reads_dropped_total',
      help: "Logged-in readers' reads dropped unpublished because too many waited (NATS away)",
      registers: [metrics.registry],
    });
    this.pending = new PendingReads(env.PAYWALL_PENDING_READS_MAX, (count) => {
      dropped.inc(count);
      this.logger.warn(`${count} unpublished reads dropped: more than ${env.PAYWALL_PENDING_READS_MAX} waiting`);
    });
  }

  /** Readers whose meters this instance holds. */
  get meteredReaders(): number {
    return this.meters.size;
  }

  /** Reads counted here and not published yet. */
  get unpublishedReads(): number {
    return this.pending.size;
  }

  readsOf(tenantId: string, readerKey: string): MeteredRead[] {
    return this.meters.get(keyOf(tenantId, readerKey)) ?? [];
  }

  /** Counts a read now, and tells the other instances. */
  record(tenantId: string, readerKey: string, read: MeteredRead): void {
    if (!this.apply(tenantId, readerKey, read)) return;
    this.pending.add(tenantId, { readerKey, article: read.article, section: read.section, day: read.day });
    this.flushIn(FLUSH_EVERY_MS);
  }

  /** Anonymous reads join the reader's meter on login. */
  merge(tenantId: string, readerKey: string, reads: readonly MeteredRead[]): void {
    for (const read of reads) this.record(tenantId, readerKey, read);
  }

  /** Applies a read (from here, another instance or the database); false when already counted. */
  apply(tenantId: string, readerKey: string, read: MeteredRead): boolean {
    const key = keyOf(tenantId, readerKey);
    const reads = this.meters.get(key) ?? [];
    if (reads.some((held) => held.article === read.article && held.day === read.day)) return false;
    const oldest = read.day - METER_MEMORY_DAYS;
    const kept = reads.filter((held) => held.day > oldest);
    kept.push(read);
    this.meters.set(key, kept);
    return true;
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flushing;
    await this.flush();
  }

  private flushIn(ms: number): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flushing = this.flushing.then(() => this.flush());
    }, ms);
  }

  private async flush(): Promise<void> {
    const limits: BatchLimits = {
      maxReads: READS_PER_EVENT_MAX,
      maxBytes: (this.nats.info?.max_payload ?? DEFAULT_MAX_PAYLOAD) - ENVELOPE_BYTES,
    };
    const batches = this.pending.take(limits);
    const js = jetstream(this.nats);
    for (const [index, batch] of batches.entries()) {
      try {
        await js.publish(ReadsRecorded.subject, ...message(batch));
      } catch (error) {
        // Kept for the next flush (within the cap); a read applied or stored twice counts once.
        const unpublished = batches.slice(index);
        this.logger.warn(
          `publishing ${unpublished.reduce((n, b) => n + b.reads.length, 0)} reads failed, retrying: ${(error as Error).message}`,
        );
        this.pending.putBack(unpublished);
        this.flushIn(1000);
        return;
      }
    }
  }
}

function message({
  tenantId,
  reads,
}: ReadsBatch): [string, { msgID: string; headers: ReturnType<typeof natsHeaders> }] {
  const envelope: EventEnvelope<ReadsRecordedEvent> = {
    id: randomUUID(),
    type: ReadsRecorded.subject,
    source: 'paywall',
    tenantId,
    time: new Date().toISOString(),
    subject: tenantId,
    dataVersion: ReadsRecorded.dataVersion,
    data: { reads },
  };
  const headers = natsHeaders();
  headers.set(MessageHeader.tenantId, tenantId);
  return [JSON.stringify(envelope), { msgID: envelope.id, headers }];
}

function keyOf(tenantId: string, readerKey: string): string {
  return `${tenantId}\u0000${readerKey}`;
}
