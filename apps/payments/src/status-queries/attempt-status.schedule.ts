import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask, runWithContext } from '@libs/common';
import { RailAccountsService } from '../accounts/rail-accounts.service';
import { PaymentsEnv } from '../config/payments.config';
import { AttemptSettlementsService } from '../payments/attempt-settlements.service';
import { attemptExpiresAt } from '../payments/attempt-expiry';
import { PaymentAttempt } from '../payments/payment-attempt.entity';
import { PaymentRepository } from '../payments/payment.repository';
import { attemptToQueryOf } from '../payments/attempt-to-query';

const BATCH = 20;
/** An attempt the rail still calls pending or has never seen this long after it stopped being payable is over. */
const EXPIRY_GRACE_MS = 30 * 60_000;

/**
 * Notifications get lost: every attempt without a final answer after `PAYMENT_STATUS_QUERY_AFTER_S`
 * is asked about at its rail (then again, further and further apart) and settled exactly as its
 * notification would have settled it. Instances share the work (claims by next query time).
 * Open payments whose time ran out with no attempt left open expire.
 */
@Injectable()
export class AttemptStatusSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AttemptStatusSchedule.name);
  private readonly schedule: PeriodicTask;
  private readonly afterS: number;

  constructor(
    private readonly payments: PaymentRepository,
    private readonly accounts: RailAccountsService,
    private readonly settlements: AttemptSettlementsService,
    env: PaymentsEnv,
  ) {
    this.afterS = env.PAYMENT_STATUS_QUERY_AFTER_S;
    this.schedule = new PeriodicTask('attempt status queries', Math.min(this.afterS, 60) * 1000, () => this.queryDue());
  }

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.schedule.stop();
  }

  /** Asks the rails about every attempt due at `now`; answers how many were asked about. */
  async queryDue(now: Date = new Date()): Promise<number> {
    return runWithContext(
      { requestId: `attempt-status:${now.toISOString()}`, actor: 'attempt-status-queries' },
      async () => {
        let asked = 0;
        for (;;) {
          const due = await this.payments.claimDueForQuery(now, this.afterS, BATCH);
          for (const attempt of due) {
            await this.ask(attempt, now).catch((error: Error) =>
              this.logger.warn(`status of attempt ${attempt.id} on ${attempt.rail} not read: ${error.message}`),
            );
          }
          asked += due.length;
          if (due.length < BATCH) break;
        }
        await this.payments.expireDue(now);
        return asked;
      },
    );
  }

  private async ask(attempt: PaymentAttempt, now: Date): Promise<void> {
    const { rail, account } = await this.accounts.usableById(attempt.accountId);
    if (!rail.capabilities.statusQuery) return;
    const report = await rail.query(account, attemptToQueryOf(attempt));
    await this.settlements.settle(account.id, report);
    if (report.outcome === 'pending' || report.outcome === 'not-found') {
      const payment = await this.payments.findOfTenant(attempt.tenantId, attempt.paymentId);
      if (
        payment &&
        attemptExpiresAt(attempt.createdAt, payment.expiresAt).getTime() + EXPIRY_GRACE_MS <= now.getTime()
      )
        await this.payments.expireAttempt(attempt.id, now);
    }
  }
}
