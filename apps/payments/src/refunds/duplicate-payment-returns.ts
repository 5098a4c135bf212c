import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PeriodicTask, runWithContext } from '@libs/common';
import { RailAccountsService } from '../accounts/rail-accounts.service';
import { PaymentAttempt } from '../payments/payment-attempt.entity';
import { PaymentRefund } from '../payments/payment-refund.entity';
import { PaymentRepository } from '../payments/payment.repository';
import { RailRefusedError } from '../rails/rail-http';
import { attemptToQueryOf } from '../payments/attempt-to-query';

const BATCH = 20;
const EVERY_MS = 60_000;

/**
 * A payer who paid one payment twice (two rails, two tabs) gets the second payment back, in full,
 * on its rail, where the rail can refund. The second payment was never published as a payment
 * (finance booked one), so its return is not one either: both movements show at the rail and in
 * its settlement report, net zero. Where the rail cannot refund (payOS), the attempt stays marked
 * `paid_twice` and its return is recorded as failed with the reason, for someone to transfer back.
 */
@Injectable()
export class DuplicatePaymentReturns implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DuplicatePaymentReturns.name);
  private readonly schedule = new PeriodicTask('duplicate payment returns', EVERY_MS, () => this.returnDue());

  constructor(
    private readonly dataSource: DataSource,
    private readonly payments: PaymentRepository,
    private readonly accounts: RailAccountsService,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.schedule.stop();
  }

  /** Sends back every duplicate payment not yet returned; answers how many were tried. */
  async returnDue(): Promise<number> {
    return runWithContext(
      { requestId: `duplicate-returns:${Date.now()}`, actor: 'duplicate-payment-returns' },
      async () => {
        const claimed = await this.dataSource.transaction(async (tx) => {
          const due = await this.payments.lockPaidTwiceWithoutReturn(tx, BATCH);
          const refunds: [PaymentAttempt, PaymentRefund][] = [];
          for (const attempt of due)
            refunds.push([
              attempt,
              await this.payments.insertRefund(tx, {
                tenantId: attempt.tenantId,
                paymentId: attempt.paymentId,
                attemptId: attempt.id,
                refundReference: randomUUID().replace(/-/g, ''),
                amount: attempt.amount,
                currency: attempt.currency,
                status: 'requested',
                providerRefundId: null,
                reason: 'paid twice: the second payment is returned',
                requestedBy: 'duplicate-payment-returns',
                refundKey: null,
                failure: null,
                settledAt: null,
              }),
            ]);
          return refunds;
        });
        for (const [attempt, refund] of claimed)
          // Left requested when the rail did not answer: whether it refunded is for its report to say.
          await this.send(attempt, refund).catch((error: Error) =>
            this.logger.error(`return of attempt ${attempt.id} not confirmed: ${error.message}`),
          );
        return claimed.length;
      },
    );
  }

  private async send(attempt: PaymentAttempt, refund: PaymentRefund): Promise<void> {
    const { rail, account } = await this.accounts.usableById(attempt.accountId);
    const settle = (change: Pick<PaymentRefund, 'status' | 'providerRefundId' | 'failure'>) =>
      this.dataSource.transaction((tx) => this.payments.settleRefund(tx, refund.id, change, new Date()));
    if (!rail.refund || !rail.capabilities.refund.full) {
      this.logger.error(`attempt ${attempt.id} paid twice on ${rail.name}, which cannot refund: transfer it back`);
      return settle({ status: 'failed', providerRefundId: null, failure: `${rail.name} cannot refund by API` });
    }
    try {
      const report = await rail.refund(account, {
        refundReference: refund.refundReference,
        attempt: attemptToQueryOf(attempt),
        amount: BigInt(attempt.amount),
        currency: attempt.currency,
        full: true,
        reason: refund.reason,
        requestedBy: refund.requestedBy,
        requestedAt: refund.createdAt,
      });
      if (report.outcome !== 'pending')
        await settle({ status: report.outcome, providerRefundId: report.providerRefundId, failure: report.failure });
    } catch (error) {
      if (!(error instanceof RailRefusedError)) throw error;
      await settle({ status: 'failed', providerRefundId: null, failure: error.message });
    }
  }
}
