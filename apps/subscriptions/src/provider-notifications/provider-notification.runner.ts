import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { runWithContext, WorkLoop } from '@libs/common';
import { StripeAccountsService } from '../stripe-accounts/stripe-accounts.service';
import { ProviderNotification } from './provider-notification.entity';
import { ProviderNotificationRepository } from './provider-notification.repository';
import { ProviderNotificationsService } from './provider-notifications.service';

const MAX_ATTEMPTS = 8;
const IDLE_POLL_MS = 1000;

/**
 * Works through stored provider notifications, oldest first, each in its own transaction, which
 * also holds the notification's row (so, unlike a `ClaimedJobRunner`, claim and work are one
 * step). Instances share the work (`SKIP LOCKED`); a failing notification is retried with growing
 * delays and, after the last attempt, marked failed for an operator.
 */
@Injectable()
export class ProviderNotificationRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ProviderNotificationRunner.name);
  private readonly loop = new WorkLoop(
    () => this.processNext(),
    IDLE_POLL_MS,
    (error) => this.logger.error(`provider notification processing: ${error.message}`),
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: ProviderNotificationsService,
    private readonly stored: ProviderNotificationRepository,
    private readonly accounts: StripeAccountsService,
  ) {}

  onApplicationBootstrap(): void {
    this.notifications.onReceived(() => this.loop.wake());
    this.loop.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** Claims and processes the oldest due notification; answers false when there was none. */
  async processNext(): Promise<boolean> {
    let claimed: ProviderNotification | undefined;
    try {
      return await this.dataSource.transaction(async (tx) => {
        const next = await this.stored.claimNextDue(tx);
        if (!next) return false;
        claimed = next;
        const account = await this.accounts.providerAccountOf(next.tenantId);
        await runWithContext(
          { requestId: next.providerNotificationId, tenantId: next.tenantId, actor: 'payment-provider' },
          () => this.notifications.apply(tx, account, next.parsed),
        );
        await this.stored.markProcessed(tx, next, new Date());
        return true;
      });
    } catch (error) {
      if (!claimed) throw error;
      await this.recordFailure(claimed, error as Error);
      return true;
    }
  }

  private async recordFailure(notification: ProviderNotification, error: Error): Promise<void> {
    const attempts = notification.attempts + 1;
    const giveUp = attempts >= MAX_ATTEMPTS;
    this.logger.warn(
      `provider notification ${notification.providerNotificationId} (${notification.type}) failed, attempt ${attempts}: ${error.message}`,
    );
    await this.stored.recordFailure(notification, {
      attempts,
      lastError: error.message.slice(0, 2000),
      nextAttemptAt: new Date(Date.now() + Math.min(300_000, 500 * 2 ** attempts)),
      failedAt: giveUp ? new Date() : null,
    });
  }
}
