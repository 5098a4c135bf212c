import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { runWithContext, WorkLoop } from '@libs/common';
import { StripeAccountsService } from '../stripe-accounts/stripe-accounts.service';
import { ProviderEvent } from './provider-event.entity';
import { ProviderEventsService } from './provider-events.service';

const MAX_ATTEMPTS = 8;
const IDLE_POLL_MS = 1000;

/**
 * Works through stored provider events, oldest first, each in its own transaction. Instances
 * share the work (`SKIP LOCKED`); a failing event is retried with growing delays and, after the
 * last attempt, marked failed for an operator.
 */
@Injectable()
export class ProviderEventProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ProviderEventProcessor.name);
  private readonly loop = new WorkLoop(
    () => this.processNext(),
    IDLE_POLL_MS,
    (error) => this.logger.error(`provider event processing: ${error.message}`),
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: ProviderEventsService,
    private readonly accounts: StripeAccountsService,
  ) {}

  onApplicationBootstrap(): void {
    this.events.onReceived(() => this.loop.wake());
    this.loop.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** Claims and processes the oldest due event; answers false when there was none. */
  async processNext(): Promise<boolean> {
    let claimed: ProviderEvent | undefined;
    try {
      return await this.dataSource.transaction(async (tx) => {
        const [next] = await tx
          .getRepository(ProviderEvent)
          .createQueryBuilder('e')
          .where('e.processed_at IS NULL AND e.failed_at IS NULL AND e.next_attempt_at <= now()')
          .orderBy('e.occurred_at', 'ASC')
          .addOrderBy('e.received_at', 'ASC')
          .limit(1)
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getMany();
        if (!next) return false;
        claimed = next;
        const account = await this.accounts.providerAccountOf(next.tenantId);
        await runWithContext(
          { requestId: next.providerEventId, tenantId: next.tenantId, actor: 'payment-provider' },
          () => this.events.apply(tx, account, next.event),
        );
        await tx
          .getRepository(ProviderEvent)
          .update({ tenantId: next.tenantId, providerEventId: next.providerEventId }, { processedAt: new Date() });
        return true;
      });
    } catch (error) {
      if (!claimed) throw error;
      await this.recordFailure(claimed, error as Error);
      return true;
    }
  }

  private async recordFailure(event: ProviderEvent, error: Error): Promise<void> {
    const attempts = event.attempts + 1;
    const giveUp = attempts >= MAX_ATTEMPTS;
    this.logger.warn(
      `provider event ${event.providerEventId} (${event.type}) failed, attempt ${attempts}: ${error.message}`,
    );
    await this.dataSource.getRepository(ProviderEvent).update(
      { tenantId: event.tenantId, providerEventId: event.providerEventId },
      {
        attempts,
        lastError: error.message.slice(0, 2000),
        nextAttemptAt: new Date(Date.now() + Math.min(300_000, 500 * 2 ** attempts)),
        failedAt: giveUp ? new Date() : null,
      },
    );
  }
}
