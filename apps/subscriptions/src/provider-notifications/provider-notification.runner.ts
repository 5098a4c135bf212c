import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { runWithContext, WorkLoop } from '@libs/common';
import { SubscriptionsEnv } from '../config/subscriptions.config';
import { StripeAccountsService } from '../stripe-accounts/stripe-accounts.service';
import { nextAttemptOf } from './provider-notification-retry';
import { ProviderNotification } from './provider-notification.entity';
import { ProviderNotificationRepository } from './provider-notification.repository';
import { ProviderNotificationsService } from './provider-notifications.service';

const IDLE_POLL_MS = 1000;
/** Agencies with due notifications looked at per dispatch; enough to fill every free turn. */
const AGENCIES_PER_LOOK = 200;

/**
 * Works through stored provider notifications agency by agency: each agency with notifications
 * due gets a turn (its oldest first, up to `PROVIDER_NOTIFICATIONS_PER_AGENCY_TURN`, each in its
 * own transaction, which also holds the notification's row), up to
 * `PROVIDER_NOTIFICATION_AGENCIES_IN_PARALLEL` turns run at once, and the agency served longest ago
 * goes next; so one agency's burst or a provider that hangs for one agency keeps its trouble to
 * itself. Instances share the work (`SKIP LOCKED`); a failing notification is retried with
 * growing delays for days, then marked failed for an operator (never deleted).
 */
@Injectable()
export class ProviderNotificationRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ProviderNotificationRunner.name);
  private readonly loop = new WorkLoop(
    () => this.dispatch(),
    IDLE_POLL_MS,
    (error) => this.logger.error(`provider notification processing: ${error.message}`),
  );
  private readonly inTurn = new Map<string, Promise<void>>();
  /** When each agency last got a turn (a counter), so the one served longest ago goes first. */
  private readonly lastTurn = new Map<string, number>();
  private turns = 0;
  private stopping = false;
  private readonly parallel: number;
  private readonly perTurn: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: ProviderNotificationsService,
    private readonly stored: ProviderNotificationRepository,
    private readonly accounts: StripeAccountsService,
    env: SubscriptionsEnv,
  ) {
    this.parallel = env.PROVIDER_NOTIFICATION_AGENCIES_IN_PARALLEL;
    this.perTurn = env.PROVIDER_NOTIFICATIONS_PER_AGENCY_TURN;
  }

  onApplicationBootstrap(): void {
    this.notifications.onReceived(() => this.loop.wake());
    this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.loop.stop();
    await Promise.all(this.inTurn.values());
  }

  /** Starts turns for agencies with due notifications while turns are free; each ending turn wakes the loop. */
  private async dispatch(): Promise<boolean> {
    const free = this.parallel - this.inTurn.size;
    if (free <= 0 || this.stopping) return false;
    const waiting = (await this.stored.findAgenciesWithDue(AGENCIES_PER_LOOK)).filter((t) => !this.inTurn.has(t));
    waiting.sort((a, b) => (this.lastTurn.get(a) ?? 0) - (this.lastTurn.get(b) ?? 0));
    for (const tenantId of waiting.slice(0, free)) this.startTurn(tenantId);
    return false;
  }

  private startTurn(tenantId: string): void {
    this.lastTurn.set(tenantId, ++this.turns);
    const turn = this.workTurn(tenantId)
      .catch((error: Error) => this.logger.error(`provider notifications of agency ${tenantId}: ${error.message}`))
      .finally(() => {
        this.inTurn.delete(tenantId);
        this.loop.wake();
      });
    this.inTurn.set(tenantId, turn);
  }

  private async workTurn(tenantId: string): Promise<void> {
    for (let done = 0; done < this.perTurn && !this.stopping; done++) {
      if (!(await this.processNextOf(tenantId))) return;
    }
  }

  /** Claims and processes the agency's oldest due notification; answers false when there was none. */
  async processNextOf(tenantId: string): Promise<boolean> {
    let claimed: ProviderNotification | undefined;
    try {
      return await this.dataSource.transaction(async (tx) => {
        const next = await this.stored.claimNextDueOf(tx, tenantId);
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
    const now = new Date();
    const { nextAttemptAt, givesUp } = nextAttemptOf(attempts, notification.receivedAt, now);
    this.logger.warn(
      `provider notification ${notification.providerNotificationId} (${notification.type}) failed, attempt ${attempts}${givesUp ? ', giving up' : ''}: ${error.message}`,
    );
    await this.stored.recordFailure(notification, {
      attempts,
      lastError: error.message.slice(0, 2000),
      nextAttemptAt,
      failedAt: givesUp ? now : null,
    });
  }
}
