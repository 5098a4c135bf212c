import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { Gift } from './gift.entity';

export type GiftRedemption = Pick<Gift, 'redeemedAt' | 'redeemerKey' | 'redeemerReaderId' | 'redeemerEmail' | 'redeemedUntil'>;

/** The only code that reads and writes gifts. */
@Injectable()
export class GiftsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(gift: Gift): Promise<void> {
    await this.dataSource.getRepository(Gift).insert(gift);
  }

  findOfTenant(tenantId: string): Promise<Gift[]> {
    return this.dataSource.getRepository(Gift).find({ where: { tenantId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  findOneOfTenant(tenantId: string, id: string): Promise<Gift | null> {
    return this.dataSource.getRepository(Gift).findOne({ where: { tenantId, id } });
  }

  /** The gift with this code hash, row-locked until the transaction ends (one redemption at a time). */
  lockByCodeHash(tx: EntityManager, tenantId: string, codeHash: Buffer): Promise<Gift | null> {
    return tx.getRepository(Gift).findOne({ where: { tenantId, codeHash }, lock: { mode: 'pessimistic_write' } });
  }

  /** Records the redemption only if none happened; answers whether this call made it. */
  async markRedeemed(tx: EntityManager, tenantId: string, id: string, redemption: GiftRedemption): Promise<boolean> {
    const result = await tx.getRepository(Gift).update({ tenantId, id, redeemedAt: IsNull() }, redemption);
    return result.affected === 1;
  }

  /** Gifts a reader redeemed (current or lapsed; the entitlement rules decide). */
  findRedeemedBy(tx: EntityManager, tenantId: string, readerKey: string): Promise<Gift[]> {
    return tx.getRepository(Gift).find({ where: { tenantId, redeemerKey: readerKey, redeemedUntil: Not(IsNull()) } });
  }
}
