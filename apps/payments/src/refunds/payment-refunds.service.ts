import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  ConflictError,
  currentContext,
  EventOutbox,
  NotFoundError,
  UnavailableError,
  ValidationFailedError,
} from '@libs/common';
import { PaymentRefunded, PaymentView, RefundPaymentRequest } from '@libs/contracts';
import { RailAccountsService } from '../accounts/rail-accounts.service';
import { PaymentRepository } from '../payments/payment.repository';
import { PaymentsService } from '../payments/payments.service';
import { RailRefusedError, RailUnavailableError } from '../rails/rail-http';
import { attemptToQueryOf } from '../payments/attempt-to-query';

/**
 * Refunds on the rail that took the money. The amount is reserved under the payment's lock before
 * the rail is asked (two refunds at once never give back more than was paid), then settled by the
 * rail's answer: a refusal releases it, a success publishes PaymentRefunded. A refund asked again
 * under the caller's key is answered with what became of the first (a refusal is refused again).
 */
@Injectable()
export class PaymentRefundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly payments: PaymentRepository,
    private readonly paymentViews: PaymentsService,
    private readonly accounts: RailAccountsService,
    private readonly outbox: EventOutbox,
  ) {}

  async refund(tenantId: string, request: RefundPaymentRequest): Promise<PaymentView> {
    const reserved = await this.dataSource.transaction(async (tx) => {
      const payment = await this.payments.lockOfTenant(tx, tenantId, request.id);
      if (!payment) throw new NotFoundError('payment', request.id);
      if (!payment.succeededAttemptId || !['succeeded', 'partially-refunded'].includes(payment.status))
        throw new ConflictError(`a ${payment.status} payment has nothing to refund`);
      const refunds = await this.payments.refundsOf(tx, payment.id);
      const asked = request.refundKey ? refunds.find((refund) => refund.refundKey === request.refundKey) : undefined;
      if (asked?.status === 'failed')
        throw new ConflictError(`the refund was refused: ${asked.failure ?? 'no reason given'}`);
      if (asked) return null;
      const attempt = await this.payments.attemptById(tx, payment.succeededAttemptId);
      const { rail } = await this.accounts.usableById(attempt.accountId);
      const taken = refunds
        // A duplicate payment's return (another attempt) is not a refund of this payment.
        .filter((refund) => refund.attemptId === attempt.id && refund.status !== 'failed')
        .reduce((sum, refund) => sum + BigInt(refund.amount), 0n);
      const left = BigInt(payment.amount) - taken;
      const amount = request.amount === undefined ? left : BigInt(request.amount);
      if (amount <= 0n || amount > left)
        throw new ValidationFailedError([
          { field: 'amount', message: `at most ${left} ${payment.currency} is left to refund of this payment` },
        ]);
      const full = amount === BigInt(payment.amount);
      if (!rail.refund || !(full ? rail.capabilities.refund.full : rail.capabilities.refund.partial))
        throw new ConflictError(
          `${rail.name} does not refund ${full ? 'payments' : 'part of a payment'} by API: refund by bank transfer`,
        );
      const refund = await this.payments.insertRefund(tx, {
        tenantId,
        paymentId: payment.id,
        attemptId: attempt.id,
        refundReference: randomUUID().replace(/-/g, ''),
        amount: amount.toString(),
        currency: payment.currency,
        status: 'requested',
        providerRefundId: null,
        reason: request.reason,
        requestedBy: currentContext()?.actor ?? 'unknown',
        refundKey: request.refundKey ?? null,
        failure: null,
        settledAt: null,
      });
      return { payment, attempt, refund, amount, full };
    });
    // Asked before under the same key: that refund is the answer, whatever became of it.
    if (!reserved) return this.paymentViews.get(tenantId, request.id);
    const { payment, attempt, refund, amount, full } = reserved;
    const { rail, account } = await this.accounts.usableById(attempt.accountId);
    let report;
    try {
      report = await rail.refund!(account, {
        refundReference: refund.refundReference,
        attempt: attemptToQueryOf(attempt),
        amount,
        currency: payment.currency,
        full,
        reason: request.reason,
        requestedBy: refund.requestedBy,
        requestedAt: refund.createdAt,
      });
    } catch (error) {
      if (error instanceof RailRefusedError)
        report = { outcome: 'failed' as const, providerRefundId: null, failure: error.message };
      // Left requested, its amount reserved: whether the rail refunded is not known yet.
      else if (error instanceof RailUnavailableError) throw new UnavailableError(error.message, 60);
      else throw error;
    }
    const now = new Date();
    if (report.outcome === 'pending') return this.paymentViews.get(tenantId, payment.id);
    await this.dataSource.transaction(async (tx) => {
      if (report.outcome === 'failed') {
        await this.payments.settleRefund(
          tx,
          refund.id,
          { status: 'failed', providerRefundId: null, failure: report.failure },
          now,
        );
        return;
      }
      await this.payments.settleRefund(
        tx,
        refund.id,
        { status: 'succeeded', providerRefundId: report.providerRefundId, failure: null },
        now,
      );
      const locked = await this.payments.lockPayment(tx, payment.id);
      const refunded = BigInt(locked.refundedAmount) + amount;
      await this.payments.setStatus(
        tx,
        payment.id,
        refunded === BigInt(payment.amount) ? 'refunded' : 'partially-refunded',
        refunded,
      );
      await this.outbox.add(tx, PaymentRefunded, {
        tenantId,
        subject: payment.id,
        time: now,
        data: {
          paymentId: payment.id,
          attemptId: attempt.id,
          rail: attempt.rail,
          purpose: {
            stream: payment.purposeStream,
            reference: payment.purposeReference,
            description: payment.description,
          },
          currency: payment.currency,
          refundId: refund.id,
          amount: amount.toString(),
          refundedTotal: refunded.toString(),
          paymentAmount: payment.amount,
          providerRefundId: report.providerRefundId ?? refund.refundReference,
          reason: request.reason,
          refundKey: refund.refundKey,
          refundedAt: now.toISOString(),
        },
      });
    });
    if (report.outcome === 'failed')
      throw new ConflictError(`the refund was refused: ${report.failure ?? 'no reason given'}`);
    return this.paymentViews.get(tenantId, payment.id);
  }
}
