import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { runWithContext, WorkLoop } from '@libs/common';
import { SubscriptionsEnv } from '../config/subscriptions.config';
import { inProviderLane } from '../payments/provider-lane';
import { readAgainWhileStale } from '../reader-subscriptions/stale-provider-read.error';
import { StripeAccountsService } from '../stripe-accounts/stripe-accounts.service';
import { nextAttemptOf } from './provider-notification-retry';
import { ProviderNotification } from './provider-notification.entity';
import { ProviderNotificationRepository } from './provider-notification.repository';
import { ProviderNotificationsService } from './provider-notifications.service';

const IDLE_POLL_MS = 1000;
/** How long a claimed notification stays this instance's; longer than its provider reads can take (paced, retried). */
const CLAIM_LEASE_S = 300;
/** Provider reads per attempt when each went stale before its write; then the attempt counts as failed (retried later). */
const READS_PER_ATTEMPT = 3;
/** Agencies with due notifications looked at per dispatch; enough to fill every free turn. */
const AGENCIES_PER_LOOK = 200;

/**
 * Works through stored provider notifications agency by agency: each agency with notifications
 * due gets a turn (its oldest first, up to `PROVIDER_NOTIFICATIONS_PER_AGENCY_TURN`, each claimed
 * for a lease, read from the provider outside any transaction, then written in a short one), up to
 * `PROVIDER_NOTIFICATION_AGENCIES_IN_PARALLEL` turns run at once, and the agency served longest ago
 * goes next; so one agency's burst or a provider that hangs for one agency keeps its trouble to
 * itself. Instances share the work (claims skip each other's rows; a silent instance's lease lapses); a failing notification is retried with
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

  /**
   * Claims the agency's oldest due notification (a lease, no transaction), reads what it needs from
   * the provider, then writes its effects in one short transaction that first checks the
   * notification is still this claim's and unprocessed. Answers false when none was due.
   */
  async processNextOf(tenantId: string): Promise<boolean> {
    const claimed = await this.stored.claimNextDueOf(tenantId, CLAIM_LEASE_S);
    if (!claimed) return false;
    try {
      await runWithContext(
        { requestId: claimed.providerNotificationId, tenantId: claimed.tenantId, actor: 'payment-provider' },
        () => this.process(claimed),
      );
    } catch (error) {
      await this.recordFailure(claimed, error as Error);
    }
    return true;
  }

  /** Reads and writes again when what was read went stale meanwhile (see {@link readAgainWhileStale}). */
  private process(claimed: ProviderNotification): Promise<void> {
    return readAgainWhileStale(() => this.readThenWrite(claimed), READS_PER_ATTEMPT);
  }

  private async readThenWrite(claimed: ProviderNotification): Promise<void> {
    const account = await this.accounts.providerAccountOf(claimed.tenantId);
    const writes = await inProviderLane('notifications', () => this.notifications.prepare(account, claimed.parsed));
    const kept = await this.dataSource.transaction(async (tx) => {
      if (!(await this.stored.holdsClaim(tx, claimed))) return false;
      await writes(tx);
      await this.stored.markProcessed(tx, claimed, new Date());
      return true;
    });
    if (!kept)
      this.logger.warn(
        `provider notification ${claimed.providerNotificationId} was taken over by another instance; leaving it`,
      );
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
