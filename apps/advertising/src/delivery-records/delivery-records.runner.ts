import { Injectable, Logger } from '@nestjs/common';
import { ClaimedJobLoop, ClaimedJobRunner } from '@libs/common';
import { DeliveryRecordsService } from './delivery-records.service';

/** How long the loop sleeps when no line has a settled day to record. */
const IDLE_MS = 30_000;
/** How long a line whose recording failed is passed over before it is tried again. */
const RETRY_AFTER_MS = 10 * 60_000;
/** Lines passed over at most at once (the map stays bounded; the oldest failure is forgotten first). */
const MAX_PASSED_OVER = 1000;

/** A line with a settled day to record. */
interface LineDue {
  id: string;
  tenantId: string;
}

/**
 * Records settled days of invoiced lines for finance, a day per step: claims a line with a day
 * due (each day is recorded once whoever claims it: a line is taken for the transaction that
 * records its day, and the day's row is unique), records days until none is due, then the next
 * line. A line that fails is passed over for a while on this instance.
 */
@Injectable()
export class DeliveryRecordsRunner extends ClaimedJobRunner<LineDue> {
  private readonly logger = new Logger(DeliveryRecordsRunner.name);
  private readonly failedAt = new Map<string, number>();
  protected readonly loop = new ClaimedJobLoop<LineDue>({
    logger: this.logger,
    label: 'delivery records',
    jobNoun: 'line',
    idleMs: IDLE_MS,
    contextOf: (line) => ({ requestId: `delivery-records:${line.id}`, tenantId: line.tenantId, actor: 'advertising' }),
    claim: () => this.deliveries.findLineDue(new Date(), this.passedOver()),
    step: async (line) => {
      const step = await this.deliveries.recordNextDay(line.id, new Date());
      return step === 'idle' ? 'done' : step;
    },
    recordFailure: (line) => Promise.resolve(this.passOver(line.id)),
  });

  constructor(private readonly deliveries: DeliveryRecordsService) {
    super();
  }

  private passOver(lineId: string): void {
    this.failedAt.delete(lineId);
    this.failedAt.set(lineId, Date.now());
    if (this.failedAt.size > MAX_PASSED_OVER) this.failedAt.delete(this.failedAt.keys().next().value!);
  }

  private passedOver(): string[] {
    const since = Date.now() - RETRY_AFTER_MS;
    for (const [lineId, at] of this.failedAt) if (at < since) this.failedAt.delete(lineId);
    return [...this.failedAt.keys()];
  }
}
