import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventOutbox } from '@libs/common';
import { PaymentFailed, PaymentSucceeded } from '@libs/contracts';
import { AttemptReport, NotificationVerdict } from '../rails/payment-rail';
import { settleAttempt } from './attempt-settlement';
import { PaymentRepository } from './payment.repository';

/**
 * Applies what a rail states about an attempt (from a notification or a status query), in one
 * transaction with the attempt and its payment locked: the same statement twice, or two instances
 * at once, settle it once, and the payment's success is published once.
 */
@Injectable()
export class AttemptSettlementsService {
  private readonly logger = new Logger(AttemptSettlementsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly payments: PaymentRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async settle(accountId: string, report: AttemptReport): Promise<NotificationVerdict> {
    return this.dataSource.transaction(async (tx) => {
      const attempt = await this.payments.lockAttemptByOrder(tx, accountId, report.orderReference);
      if (!attempt) return 'unknown-order';
      const payment = await this.payments.lockPayment(tx, attempt.paymentId);
      const settlement = settleAttempt({
        payment,
        attempt: { id: attempt.id, status: attempt.status, amount: BigInt(attempt.amount), currency: attempt.currency },
        report,
      });
      const at = report.occurredAt ?? new Date();
      const facts = {
        paymentId: payment.id,
        attemptId: attempt.id,
        rail: attempt.rail,
        purpose: {
          stream: payment.purposeStream,
          reference: payment.purposeReference,
          description: payment.description,
        },
        currency: payment.currency,
      };
      switch (settlement.kind) {
        case 'pays': {
          await this.payments.settleAttempt(
            tx,
            attempt.id,
            { status: 'succeeded', providerTransactionId: report.providerTransactionId, failure: null },
            at,
          );
          await this.payments.markPaid(tx, payment.id, attempt.id, at);
          await this.outbox.add(tx, PaymentSucceeded, {
            tenantId: payment.tenantId,
            subject: payment.id,
            time: at,
            data: {
              ...facts,
              amount: payment.amount,
              vatAmount: payment.lines.reduce((sum, line) => sum + BigInt(line.vatAmount), 0n).toString(),
              providerTransactionId: report.providerTransactionId ?? attempt.orderReference,
              buyer: payment.buyer,
              lines: payment.lines,
              succeededAt: at.toISOString(),
            },
          });
          return 'accepted';
        }
        case 'paid-twice':
          this.logger.warn(`payment ${payment.id} paid again by attempt ${attempt.id} on ${attempt.rail}: to refund`);
          await this.payments.settleAttempt(
            tx,
            attempt.id,
            { status: 'succeeded', providerTransactionId: report.providerTransactionId, paidTwice: true },
            at,
          );
          return 'accepted';
        case 'fails':
          await this.payments.settleAttempt(tx, attempt.id, { status: 'failed', failure: settlement.reason }, at);
          await this.outbox.add(tx, PaymentFailed, {
            tenantId: payment.tenantId,
            subject: payment.id,
            time: at,
            data: { ...facts, amount: attempt.amount, reason: settlement.reason, failedAt: at.toISOString() },
          });
          return 'accepted';
        case 'amount-mismatch':
          this.logger.error(`attempt ${attempt.id} of payment ${payment.id}: ${settlement.detail}`);
          await this.payments.settleAttempt(
            tx,
            attempt.id,
            {
              status: 'failed',
              failure: `amount mismatch: ${settlement.detail}`,
              providerTransactionId: report.providerTransactionId,
            },
            at,
          );
          return 'amount-mismatch';
        case 'already-settled':
          return 'already-settled';
        case 'still-pending':
        case 'unknown-at-rail':
          return 'accepted';
      }
    });
  }
}
