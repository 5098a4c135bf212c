import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { jetstream } from '@nats-io/jetstream';
import { headers as natsHeaders, NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { NATS_CONNECTION } from '@libs/common';
import { EventEnvelope, MessageHeader, ReadsRecorded, ReadsRecordedEvent, RecordedRead } from '@libs/contracts';
import { METER_MEMORY_DAYS } from '../decisions/meter-tokens';
import type { MeteredRead } from '../decisions/decision-types';

const FLUSH_EVERY_MS = 50;

/**
 * Logged-in readers' meters, server-side. Every instance holds every reader's recent reads in
 * memory; a counted read is added here at once and published (batched per agency every 50 ms)
 * as ReadsRecorded, which every instance applies and one stores. A crash loses at most the
 * reads of the last batch (the meter then counts low, never high); shutdown flushes.
 */
@Injectable()
export class ReaderMeters implements OnApplicationShutdown {
  private readonly logger = new Logger(ReaderMeters.name);
  private readonly meters = new Map<string, MeteredRead[]>();
  private pending = new Map<string, RecordedRead[]>();
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(@Inject(NATS_CONNECTION) private readonly nats: NatsConnection) {}

  readsOf(tenantId: string, readerKey: string): MeteredRead[] {
    return this.meters.get(keyOf(tenantId, readerKey)) ?? [];
  }

  /** Counts a read now, and tells the other instances. */
  record(tenantId: string, readerKey: string, read: MeteredRead): void {
    if (!this.apply(tenantId, readerKey, read)) return;
    let batch = this.pending.get(tenantId);
    if (!batch) this.pending.set(tenantId, (batch = []));
    batch.push({ readerKey, article: read.article, section: read.section, day: read.day });
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flushing = this.flushing.then(() => this.flush());
    }, FLUSH_EVERY_MS);
  }

  /** Anonymous reads join the reader's meter on login. */
  merge(tenantId: string, readerKey: string, reads: readonly MeteredRead[]): void {
    for (const read of reads) this.record(tenantId, readerKey, read);
  }

  /** Applies a read (from here, another instance or the database); false when already counted. */
  apply(tenantId: string, readerKey: string, read: MeteredRead): boolean {
    const key = keyOf(tenantId, readerKey);
    let reads = this.meters.get(key);
    if (!reads) this.meters.set(key, (reads = []));
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

  private async flush(): Promise<void> {
    const batches = this.pending;
    this.pending = new Map();
    const js = jetstream(this.nats);
    for (const [tenantId, reads] of batches) {
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
      try {
        await js.publish(ReadsRecorded.subject, JSON.stringify(envelope), { msgID: envelope.id, headers });
      } catch (error) {
        // Kept for the next flush; the message id makes a retried publish count once.
        this.logger.warn(`publishing ${reads.length} reads failed, retrying: ${(error as Error).message}`);
        const retry = this.pending.get(tenantId) ?? [];
        this.pending.set(tenantId, [...reads, ...retry]);
        this.timer ??= setTimeout(() => {
          this.timer = undefined;
          this.flushing = this.flushing.then(() => this.flush());
        }, 1000);
      }
    }
  }
}

function keyOf(tenantId: string, readerKey: string): string {
  return `${tenantId}\u0000${readerKey}`;
}
