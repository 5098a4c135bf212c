import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { DunningCaseStatus } from '@libs/contracts';
import { DunningCase } from './dunning-case.entity';

export type DunningCaseChange = Partial<
  Pick<
    DunningCase,
    'status' | 'attemptsMade' | 'nextRetryAt' | 'lastFailure' | 'closedAt' | 'closedReason' | 'finalAction'
  >
>;

/** The only code that reads and writes dunning cases. */
@Injectable()
export class DunningCaseRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Opens the invoice's case unless it has one; answers whether this call opened it. */
  async openOnce(tx: EntityManager, dunningCase: DunningCase): Promise<boolean> {
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(DunningCase)
      .values(dunningCase)
      .orIgnore()
      .returning(['id'])
      .execute();
    return inserted.raw.length > 0;
  }

  /**
   * Claims the open case of a provider's invoice whose retry is most overdue at `now` for a lease
   * (one short UPDATE, no transaction left open): cases another instance is claiming are skipped,
   * and a claim whose instance went silent lapses at the end of its lease. Cases of invoices the
   * suite bills itself are the suite's renewal engine's.
   */
  async claimNextDue(now: Date, leaseSeconds: number): Promise<DunningCase | null> {
    const [rows] = (await this.dataSource.query(
      `UPDATE subscriptions.dunning_cases SET claims = claims + 1, claimed_until = now() + make_interval(secs => $2)
        WHERE id = (
          SELECT c.id FROM subscriptions.dunning_cases c
           WHERE c.status = 'open' AND c.billed_by = 'provider' AND c.next_retry_at <= $1 AND (c.claimed_until IS NULL OR c.claimed_until < now())
           ORDER BY c.next_retry_at ASC LIMIT 1
           FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      [now, leaseSeconds],
    )) as [{ id: string }[], number];
    const [claimed] = rows;
    if (!claimed) return null;
    return this.dataSource.getRepository(DunningCase).findOneBy({ id: claimed.id });
  }

  /**
   * Inside the transaction recording a retry's outcome: locks the case and answers whether it is
   * still this claim's and open (another instance may have taken it over once the lease lapsed).
   */
  async holdsClaim(tx: EntityManager, claimed: DunningCase): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM subscriptions.dunning_cases WHERE id = $1 AND claims = $2 AND status = 'open' FOR UPDATE`,
      [claimed.id, claimed.claims],
    );
    return rows.length === 1;
  }

  /** Records the outcome of a claimed case's retry; the claim ends. */
  async update(tx: EntityManager, dunningCase: DunningCase, change: DunningCaseChange): Promise<void> {
    await tx
      .getRepository(DunningCase)
      .update({ tenantId: dunningCase.tenantId, id: dunningCase.id }, { ...change, claimedUntil: null });
  }

  /** Moves a claimed case's next retry, outside any transaction (after a fault that left it untried); the claim ends. */
  async postpone(claimed: DunningCase, until: Date): Promise<void> {
    await this.dataSource
      .getRepository(DunningCase)
      .update(
        { tenantId: claimed.tenantId, id: claimed.id, status: 'open', claims: claimed.claims },
        { nextRetryAt: until, claimedUntil: null },
      );
  }

  /** Ends the invoice's case if it is still open; answers whether one was. */
  async endOpenOfInvoice(
    tx: EntityManager,
    tenantId: string,
    providerInvoiceId: string,
    end: Pick<DunningCase, 'status' | 'closedAt' | 'closedReason'>,
  ): Promise<boolean> {
    const result = await tx
      .getRepository(DunningCase)
      .update({ tenantId, providerInvoiceId, status: 'open' }, { ...end, nextRetryAt: null });
    return (result.affected ?? 0) > 0;
  }

  /** Whether the subscription has an open case other than the one of `providerInvoiceId`. */
  async hasOtherOpenOfSubscription(
    tx: EntityManager,
    tenantId: string,
    subscriptionId: string,
    providerInvoiceId: string,
  ): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM subscriptions.dunning_cases
        WHERE tenant_id = $1 AND subscription_id = $2 AND status = 'open' AND provider_invoice_id <> $3 LIMIT 1`,
      [tenantId, subscriptionId, providerInvoiceId],
    );
    return rows.length > 0;
  }

  /** Ends every open case of the subscription; answers how many there were. */
  async endOpenOfSubscription(
    tx: EntityManager,
    tenantId: string,
    subscriptionId: string,
    end: Pick<DunningCase, 'status' | 'closedAt' | 'closedReason'>,
  ): Promise<number> {
    const result = await tx
      .getRepository(DunningCase)
      .update({ tenantId, subscriptionId, status: 'open' }, { ...end, nextRetryAt: null });
    return result.affected ?? 0;
  }

  /**
   * Locks up to `limit` open cases of renewals the suite bills whose next step is due at `now`,
   * with their subscriptions' rows (both at once, skipping any another instance or a payment
   * holds, so no two writers wait on each other).
   */
  async lockDueOfSuite(tx: EntityManager, now: Date, limit: number): Promise<DunningCase[]> {
    const rows: { id: string }[] = await tx.query(
      `SELECT c.id FROM subscriptions.dunning_cases c
         JOIN subscriptions.reader_subscriptions s ON s.tenant_id = c.tenant_id AND s.id = c.subscription_id
        WHERE c.status = 'open' AND c.billed_by = 'suite' AND c.next_retry_at <= $1
        ORDER BY c.next_retry_at
        LIMIT $2
        FOR UPDATE OF c, s SKIP LOCKED`,
      [now, limit],
    );
    if (rows.length === 0) return [];
    return tx.getRepository(DunningCase).findBy({ id: In(rows.map((row) => row.id)) });
  }

  /** Records the next step of a case the suite chases (the caller holds its row). */
  async updateOfSuite(tx: EntityManager, dunningCase: DunningCase, change: DunningCaseChange): Promise<void> {
    await tx.getRepository(DunningCase).update({ tenantId: dunningCase.tenantId, id: dunningCase.id }, change);
  }

  /**
   * Records a payment that arrived for an invoice ended unpaid: on its case, or on a closed case
   * opened for the purpose (an invoice voided by a cancellation had none), so staff find it.
   */
  async recordLatePayment(tx: EntityManager, dunningCase: DunningCase): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(DunningCase)
      .values(dunningCase)
      .orUpdate(['late_payment_id'], ['tenant_id', 'provider_invoice_id'])
      .execute();
  }

  findOneOfTenant(tenantId: string, id: string): Promise<DunningCase | null> {
    return this.dataSource.getRepository(DunningCase).findOne({ where: { tenantId, id } });
  }

  /** Newest first; `before` (a case id) starts the page after that case. */
  findPageOfTenant(
    tenantId: string,
    status: DunningCaseStatus,
    limit: number,
    before?: string,
  ): Promise<DunningCase[]> {
    const query = this.dataSource
      .getRepository(DunningCase)
      .createQueryBuilder('c')
      .where('c.tenant_id = :tenantId AND c.status = :status', { tenantId, status })
      .orderBy('c.opened_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit);
    if (before) {
      query.andWhere(
        '(c.opened_at, c.id) < (SELECT b.opened_at, b.id FROM subscriptions.dunning_cases b WHERE b.tenant_id = :tenantId AND b.id = :before)',
        { before },
      );
    }
    return query.getMany();
  }
}
