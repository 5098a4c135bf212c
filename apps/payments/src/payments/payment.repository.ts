import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { AttemptStatus, PaymentStatus, PaymentStream } from '@libs/contracts';
import { PaymentAttempt } from './payment-attempt.entity';
import { PaymentRefund } from './payment-refund.entity';
import { Payment } from './payment.entity';

export type NewPayment = Omit<
  Payment,
  'id' | 'createdAt' | 'refundedAmount' | 'succeededAt' | 'succeededAttemptId' | 'status'
>;
export type NewAttempt = Pick<
  PaymentAttempt,
  | 'tenantId'
  | 'paymentId'
  | 'accountId'
  | 'rail'
  | 'orderReference'
  | 'amount'
  | 'currency'
  | 'clientIp'
  | 'nextQueryAt'
>;

/** Payments, their attempts and refunds: the only code that reads or writes them. */
@Injectable()
export class PaymentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the payment unless its purpose has one already; answers the purpose's payment either way, and whether it is new. */
  async insertOnce(payment: NewPayment): Promise<{ payment: Payment; created: boolean }> {
    const rows = (await this.dataSource.query(
      `INSERT INTO payments.payments (tenant_id, amount, currency, status, purpose_stream, purpose_reference, description,
         buyer, lines, rails, return_url, expires_at, save_token_for)
       VALUES ($1, $2, $3, 'open', $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (tenant_id, purpose_stream, purpose_reference) DO NOTHING RETURNING id`,
      [
        payment.tenantId,
        payment.amount,
        payment.currency,
        payment.purposeStream,
        payment.purposeReference,
        payment.description,
        payment.buyer === null ? null : JSON.stringify(payment.buyer),
        JSON.stringify(payment.lines),
        payment.rails,
        payment.returnUrl,
        payment.expiresAt,
        payment.saveTokenFor,
      ],
    )) as { id: string }[];
    const found = await this.dataSource.getRepository(Payment).findOneByOrFail({
      tenantId: payment.tenantId,
      purposeStream: payment.purposeStream,
      purposeReference: payment.purposeReference,
    });
    return { payment: found, created: rows.length === 1 };
  }

  findOfTenant(tenantId: string, id: string): Promise<Payment | null> {
    return this.dataSource.getRepository(Payment).findOneBy({ tenantId, id });
  }

  /** Newest first; `before` (a payment id) starts the page after that payment. */
  findPageOfTenant(
    tenantId: string,
    filter: { status?: PaymentStatus; stream?: PaymentStream },
    limit: number,
    before?: string,
  ): Promise<Payment[]> {
    const query = this.dataSource
      .getRepository(Payment)
      .createQueryBuilder('p')
      .where('p.tenant_id = :tenantId', { tenantId })
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(limit);
    if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
    if (filter.stream) query.andWhere('p.purpose_stream = :stream', { stream: filter.stream });
    if (before)
      query.andWhere(
        '(p.created_at, p.id) < (SELECT b.created_at, b.id FROM payments.payments b WHERE b.tenant_id = :tenantId AND b.id = :before)',
        { before },
      );
    return query.getMany();
  }

  /** The attempts of many payments at once, for a page of them. */
  attemptsOfMany(tenantId: string, paymentIds: string[]): Promise<PaymentAttempt[]> {
    if (paymentIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(PaymentAttempt)
      .find({ where: { tenantId, paymentId: In(paymentIds) }, order: { createdAt: 'ASC' } });
  }

  lockOfTenant(tx: EntityManager, tenantId: string, id: string): Promise<Payment | null> {
    return tx.getRepository(Payment).findOne({ where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
  }

  attemptsOf(tenantId: string, paymentId: string): Promise<PaymentAttempt[]> {
    return this.dataSource
      .getRepository(PaymentAttempt)
      .find({ where: { tenantId, paymentId }, order: { createdAt: 'ASC' } });
  }

  /** A new attempt, its order code from the service's sequence (rails keyed by number need one unique per merchant). */
  async insertAttempt(attempt: NewAttempt): Promise<PaymentAttempt> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO payments.payment_attempts (tenant_id, payment_id, account_id, rail, order_reference, order_code, status,
         amount, currency, client_ip, next_query_at)
       VALUES ($1, $2, $3, $4, $5, nextval('payments.attempt_order_codes'), 'started', $6, $7, $8, $9) RETURNING id`,
      [
        attempt.tenantId,
        attempt.paymentId,
        attempt.accountId,
        attempt.rail,
        attempt.orderReference,
        attempt.amount,
        attempt.currency,
        attempt.clientIp,
        attempt.nextQueryAt,
      ],
    )) as { id: string }[];
    return this.dataSource.getRepository(PaymentAttempt).findOneByOrFail({ id: row.id });
  }

  /**
   * A charge of a saved wallet, unless the payment has one in flight already (one at a time per
   * payment, held by a unique index): null then.
   */
  async insertChargeAttemptOnce(attempt: NewAttempt & { savedTokenId: string }): Promise<PaymentAttempt | null> {
    const rows = (await this.dataSource.query(
      `INSERT INTO payments.payment_attempts (tenant_id, payment_id, account_id, rail, order_reference, order_code, status,
         amount, currency, client_ip, next_query_at, saved_token_id)
       VALUES ($1, $2, $3, $4, $5, nextval('payments.attempt_order_codes'), 'started', $6, $7, $8, $9, $10)
       ON CONFLICT (payment_id) WHERE saved_token_id IS NOT NULL AND status = 'started' DO NOTHING RETURNING id`,
      [
        attempt.tenantId,
        attempt.paymentId,
        attempt.accountId,
        attempt.rail,
        attempt.orderReference,
        attempt.amount,
        attempt.currency,
        attempt.clientIp,
        attempt.nextQueryAt,
        attempt.savedTokenId,
      ],
    )) as { id: string }[];
    if (rows.length === 0) return null;
    return this.dataSource.getRepository(PaymentAttempt).findOneByOrFail({ id: rows[0].id });
  }

  async recordStart(
    attemptId: string,
    started: Pick<PaymentAttempt, 'redirectUrl' | 'qrCode' | 'providerReference'>,
  ): Promise<void> {
    await this.dataSource.getRepository(PaymentAttempt).update({ id: attemptId }, started);
  }

  async failAttempt(attemptId: string, failure: string): Promise<void> {
    await this.dataSource
      .getRepository(PaymentAttempt)
      .update(
        { id: attemptId, status: 'started' },
        { status: 'failed', failure, settledAt: new Date(), nextQueryAt: null },
      );
  }

  /** The attempt a rail names by its order reference, or, for rails keyed by number, by its order code. */
  lockAttemptByOrder(tx: EntityManager, accountId: string, orderReference: string): Promise<PaymentAttempt | null> {
    const byCode = /^[1-9][0-9]{0,15}$/.test(orderReference);
    return tx.getRepository(PaymentAttempt).findOne({
      where: byCode
        ? [
            { accountId, orderReference },
            { accountId, orderCode: orderReference },
          ]
        : { accountId, orderReference },
      lock: { mode: 'pessimistic_write' },
    });
  }

  lockPayment(tx: EntityManager, id: string): Promise<Payment> {
    return tx.getRepository(Payment).findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async settleAttempt(
    tx: EntityManager,
    attemptId: string,
    change: Partial<Pick<PaymentAttempt, 'status' | 'providerTransactionId' | 'failure' | 'paidTwice'>> & {
      status: AttemptStatus;
    },
    at: Date,
  ): Promise<void> {
    await tx.getRepository(PaymentAttempt).update({ id: attemptId }, { ...change, settledAt: at, nextQueryAt: null });
  }

  async markPaid(tx: EntityManager, paymentId: string, attemptId: string, at: Date): Promise<void> {
    await tx
      .getRepository(Payment)
      .update({ id: paymentId }, { status: 'succeeded', succeededAt: at, succeededAttemptId: attemptId });
  }

  async setStatus(tx: EntityManager, paymentId: string, status: PaymentStatus, refundedAmount?: bigint): Promise<void> {
    await tx
      .getRepository(Payment)
      .update(
        { id: paymentId },
        { status, ...(refundedAmount === undefined ? {} : { refundedAmount: refundedAmount.toString() }) },
      );
  }

  /**
   * Claims attempts whose rail should be asked about them now: each is pushed to its next query
   * time in the same statement, so instances never ask about one attempt at once.
   */
  async claimDueForQuery(now: Date, afterS: number, limit: number): Promise<PaymentAttempt[]> {
    const rows = (await this.dataSource.query(
      `UPDATE payments.payment_attempts a
          SET queries = a.queries + 1,
              next_query_at = $1::timestamptz + make_interval(secs => LEAST($2::int * power(2, LEAST(a.queries, 10)), 21600))
        WHERE a.id IN (SELECT id FROM payments.payment_attempts
                        WHERE status = 'started' AND next_query_at <= $1
                        ORDER BY next_query_at LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING a.id`,
      [now, afterS, limit],
    )) as [{ id: string }[], number];
    const ids = rows[0].map((row) => row.id);
    if (ids.length === 0) return [];
    return this.dataSource.getRepository(PaymentAttempt).findBy({ id: In(ids) });
  }

  /** Open payments whose time ran out and that no attempt may still pay: expired. Answers how many. */
  async expireDue(now: Date): Promise<number> {
    const result = (await this.dataSource.query(
      `UPDATE payments.payments p SET status = 'expired'
        WHERE p.status = 'open' AND p.expires_at <= $1
          AND NOT EXISTS (SELECT 1 FROM payments.payment_attempts a WHERE a.payment_id = p.id AND a.status = 'started')`,
      [now],
    )) as [unknown, number];
    return result[1];
  }

  async expireAttempt(attemptId: string, at: Date): Promise<void> {
    await this.dataSource
      .getRepository(PaymentAttempt)
      .update({ id: attemptId, status: 'started' }, { status: 'expired', settledAt: at, nextQueryAt: null });
  }

  /**
   * Attempts that paid a payment another attempt had already paid, whose money has not been sent
   * back yet, locked for the caller's transaction (instances skip each other's).
   */
  lockPaidTwiceWithoutReturn(tx: EntityManager, limit: number): Promise<PaymentAttempt[]> {
    return tx
      .getRepository(PaymentAttempt)
      .createQueryBuilder('a')
      .where('a.paid_twice')
      .andWhere('NOT EXISTS (SELECT 1 FROM payments.payment_refunds r WHERE r.attempt_id = a.id)')
      .orderBy('a.settled_at')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  refundsOf(tx: EntityManager, paymentId: string): Promise<PaymentRefund[]> {
    return tx.getRepository(PaymentRefund).findBy({ paymentId });
  }

  insertRefund(tx: EntityManager, refund: Omit<PaymentRefund, 'id' | 'createdAt'>): Promise<PaymentRefund> {
    const repo = tx.getRepository(PaymentRefund);
    return repo.save(repo.create(refund));
  }

  async settleRefund(
    tx: EntityManager,
    refundId: string,
    change: Pick<PaymentRefund, 'status' | 'providerRefundId' | 'failure'>,
    at: Date,
  ): Promise<void> {
    await tx.getRepository(PaymentRefund).update({ id: refundId }, { ...change, settledAt: at });
  }

  attemptById(tx: EntityManager, id: string): Promise<PaymentAttempt> {
    return tx.getRepository(PaymentAttempt).findOneByOrFail({ id });
  }
}
