import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { DunningCaseStatus } from '@libs/contracts';
import { DunningCase } from './dunning-case.entity';

type DunningCaseChange = Partial<
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
   * The open case whose retry is most overdue at `now`, row-locked until the transaction ends;
   * cases other instances hold are skipped, so several instances share the work.
   */
  async claimNextDue(tx: EntityManager, now: Date): Promise<DunningCase | null> {
    const [due] = await tx
      .getRepository(DunningCase)
      .createQueryBuilder('c')
      .where("c.status = 'open' AND c.next_retry_at <= :now", { now })
      .orderBy('c.next_retry_at', 'ASC')
      .limit(1)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    return due ?? null;
  }

  async update(tx: EntityManager, dunningCase: DunningCase, change: DunningCaseChange): Promise<void> {
    await tx.getRepository(DunningCase).update({ tenantId: dunningCase.tenantId, id: dunningCase.id }, change);
  }

  /** Moves a case's next retry, outside any claim (after a fault that left it untried). */
  async postpone(dunningCase: DunningCase, until: Date): Promise<void> {
    await this.dataSource
      .getRepository(DunningCase)
      .update({ tenantId: dunningCase.tenantId, id: dunningCase.id, status: 'open' }, { nextRetryAt: until });
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
