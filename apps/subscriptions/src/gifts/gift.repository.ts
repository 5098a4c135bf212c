import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { Gift } from './gift.entity';

type GiftRedemption = Pick<Gift, 'redeemedAt' | 'redeemerKey' | 'redeemerReaderId' | 'redeemerEmail' | 'redeemedUntil'>;

/** The only code that reads and writes gifts. */
@Injectable()
export class GiftRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(gift: Gift, tx: EntityManager = this.dataSource.manager): Promise<void> {
    await tx.getRepository(Gift).insert(gift);
  }

  /** Newest first; `before` (an id) starts the page after that one. */
  findPageOfTenant(tenantId: string, limit: number, before?: string): Promise<Gift[]> {
    const query = this.dataSource
      .getRepository(Gift)
      .createQueryBuilder('g')
      .where('g.tenant_id = :tenantId', { tenantId })
      .orderBy('g.created_at', 'DESC')
      .addOrderBy('g.id', 'DESC')
      .limit(limit);
    if (before)
      query.andWhere(
        '(g.created_at, g.id) < (SELECT b.created_at, b.id FROM subscriptions.gifts b WHERE b.tenant_id = :tenantId AND b.id = :before)',
        { before },
      );
    return query.getMany();
  }

  findOneOfTenant(tenantId: string, id: string): Promise<Gift | null> {
    return this.dataSource.getRepository(Gift).findOne({ where: { tenantId, id } });
  }

  /**
   * The one gift lookup not scoped by tenant: the gift page knows only the code. The code hash is
   * unique across agencies (`gifts_code`), so at most one gift answers, and its tenant scopes
   * everything done after.
   */
  findByCodeHashInAnyTenant(codeHash: Buffer): Promise<Gift | null> {
    return this.dataSource.getRepository(Gift).findOne({ where: { codeHash } });
  }

  /** Gifts a reader redeemed (current or lapsed; the entitlement rules decide), inside the caller's transaction. */
  findRedeemedBy(tx: EntityManager, tenantId: string, readerKey: string): Promise<Gift[]> {
    return tx.getRepository(Gift).find({ where: { tenantId, redeemerKey: readerKey, redeemedUntil: Not(IsNull()) } });
  }

  /** The gift with this code hash, row-locked until the transaction ends (one redemption at a time). */
  lockByCodeHash(tx: EntityManager, tenantId: string, codeHash: Buffer): Promise<Gift | null> {
    return tx.getRepository(Gift).findOne({ where: { tenantId, codeHash }, lock: { mode: 'pessimistic_write' } });
  }

  lockOfTenant(tx: EntityManager, tenantId: string, id: string): Promise<Gift | null> {
    return tx.getRepository(Gift).findOne({ where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
  }

  async replaceCode(
    tx: EntityManager,
    tenantId: string,
    id: string,
    code: Pick<Gift, 'codeHash' | 'codeLast4'>,
  ): Promise<void> {
    await tx.getRepository(Gift).update({ tenantId, id }, code);
  }

  /** Records the redemption only if none happened and the gift did not expire nor was refunded; answers whether this call made it. */
  async markRedeemed(tx: EntityManager, tenantId: string, id: string, redemption: GiftRedemption): Promise<boolean> {
    const result = await tx
      .getRepository(Gift)
      .update({ tenantId, id, redeemedAt: IsNull(), expiryRecordedAt: IsNull(), refundedAt: IsNull() }, redemption);
    return result.affected === 1;
  }

  /**
   * Up to `limit` gifts of any agency past their deadline at `at`, unredeemed, not refunded and not
   * yet recorded as expired, locked; rows another sweep or a redemption holds are skipped.
   */
  lockDueForExpiry(tx: EntityManager, at: Date, limit: number): Promise<Gift[]> {
    return tx
      .getRepository(Gift)
      .createQueryBuilder('g')
      .where(
        'g.redeemed_at IS NULL AND g.expiry_recorded_at IS NULL AND g.refunded_at IS NULL AND g.redeem_by <= :at',
        {
          at,
        },
      )
      .orderBy('g.redeem_by', 'ASC')
      .addOrderBy('g.id', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /** The gift bought with this payment on a rail, row-locked until the transaction ends. */
  lockByPayment(tx: EntityManager, tenantId: string, paymentId: string): Promise<Gift | null> {
    return tx.getRepository(Gift).findOne({ where: { tenantId, paymentId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Records the full refund of its payment (once), and ends a redemption made before at `redeemedUntil`. */
  async markRefunded(
    tx: EntityManager,
    tenantId: string,
    id: string,
    refund: Pick<Gift, 'refundedAt' | 'redeemedUntil'>,
  ): Promise<boolean> {
    const result = await tx.getRepository(Gift).update({ tenantId, id, refundedAt: IsNull() }, refund);
    return result.affected === 1;
  }

  async markExpiryRecorded(tx: EntityManager, ids: string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await tx
      .getRepository(Gift)
      .update(
        { id: In(ids), redeemedAt: IsNull(), expiryRecordedAt: IsNull(), refundedAt: IsNull() },
        { expiryRecordedAt: at },
      );
  }
}
