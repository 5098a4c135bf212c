import type { RecordedRead } from '@libs/contracts';

/** One agency's reads, as one ReadsRecorded event carries them. */
export interface ReadsBatch {
  tenantId: string;
  reads: RecordedRead[];
}

/** How big one batch may be: reads (the event's array limit) and bytes of the reads' JSON. */
export interface BatchLimits {
  maxReads: number;
  maxBytes: number;
}

/**
 * Reads counted here and not published yet, oldest first, at most `maxPending` of them: while
 * NATS is away they pile up, and past the cap the oldest are dropped (and counted) so memory stays
 * bounded; a dropped read leaves other instances' meters low, never high.
 */
export class PendingReads {
  private queue: { tenantId: string; read: RecordedRead }[] = [];
  private head = 0;

  constructor(
    private readonly maxPending: number,
    private readonly onDropped: (count: number) => void,
  ) {}

  get size(): number {
    return this.queue.length - this.head;
  }

  add(tenantId: string, read: RecordedRead): void {
    this.queue.push({ tenantId, read });
    this.dropBeyondCap();
  }

  /** Everything pending, taken out in batches per agency within `limits`, oldest first. */
  take(limits: BatchLimits): ReadsBatch[] {
    const taken = this.queue.slice(this.head);
    this.queue = [];
    this.head = 0;
    const open = new Map<string, { batch: ReadsBatch; bytes: number }>();
    const batches: ReadsBatch[] = [];
    for (const { tenantId, read } of taken) {
      const bytes = Buffer.byteLength(JSON.stringify(read)) + 1;
      let current = open.get(tenantId);
      if (!current || current.batch.reads.length >= limits.maxReads || current.bytes + bytes > limits.maxBytes) {
        current = { batch: { tenantId, reads: [] }, bytes: 0 };
        open.set(tenantId, current);
        batches.push(current.batch);
      }
      current.batch.reads.push(read);
      current.bytes += bytes;
    }
    return batches;
  }

  /** Batches that could not be published go back before what came since (and count against the cap). */
  putBack(batches: readonly ReadsBatch[]): void {
    const returned = batches.flatMap(({ tenantId, reads }) => reads.map((read) => ({ tenantId, read })));
    this.queue = [...returned, ...this.queue.slice(this.head)];
    this.head = 0;
    this.dropBeyondCap();
  }

  private dropBeyondCap(): void {
    const excess = this.size - this.maxPending;
    if (excess <= 0) return;
    this.head += excess;
    this.onDropped(excess);
    if (this.head > this.queue.length / 2) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }
}
