import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { GiftPurchase } from './gift-purchase.entity';

/** The only code that reads and writes gift purchases. */
@Injectable()
export class GiftPurchaseRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(purchase: GiftPurchase): Promise<void> {
    await this.dataSource.getRepository(GiftPurchase).insert(purchase);
  }

  async linkCheckout(tenantId: string, id: string, providerCheckoutId: string): Promise<void> {
    await this.dataSource.getRepository(GiftPurchase).update({ tenantId, id }, { providerCheckoutId });
  }

  async linkPayment(tenantId: string, id: string, paymentId: string): Promise<void> {
    await this.dataSource.getRepository(GiftPurchase).update({ tenantId, id }, { paymentId });
  }

  lockOfTenant(tx: EntityManager, tenantId: string, id: string): Promise<GiftPurchase | null> {
    return tx.getRepository(GiftPurchase).findOne({ where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
  }

  lockByCheckout(tx: EntityManager, tenantId: string, providerCheckoutId: string): Promise<GiftPurchase | null> {
    return tx
      .getRepository(GiftPurchase)
      .findOne({ where: { tenantId, providerCheckoutId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Links the paid purchase to its gift, once; answers whether this call did. */
  async markPaid(
    tx: EntityManager,
    tenantId: string,
    id: string,
    paid: Pick<GiftPurchase, 'giftId' | 'paidAt'> & Partial<Pick<GiftPurchase, 'providerCheckoutId' | 'paymentId'>>,
  ): Promise<boolean> {
    const result = await tx.getRepository(GiftPurchase).update({ tenantId, id, giftId: IsNull() }, paid);
    return result.affected === 1;
  }

  /** Records that its payment was refunded in full before it made the gift (once, and only while no gift is made). */
  async markRefunded(tx: EntityManager, tenantId: string, id: string, at: Date): Promise<boolean> {
    const result = await tx
      .getRepository(GiftPurchase)
      .update({ tenantId, id, giftId: IsNull(), refundedAt: IsNull() }, { refundedAt: at });
    return result.affected === 1;
  }

  /** Closes the purchaser's one look at the claim code; answers whether it was still open. */
  async markCodeRevealed(tx: EntityManager, tenantId: string, id: string, at: Date): Promise<boolean> {
    const result = await tx
      .getRepository(GiftPurchase)
      .update({ tenantId, id, codeRevealedAt: IsNull() }, { codeRevealedAt: at });
    return result.affected === 1;
  }

  /** Staff reissued the gift's code: the purchaser's look, if still open, would replace theirs, so it closes. */
  async closeCodeRevealOfGift(tx: EntityManager, tenantId: string, giftId: string, at: Date): Promise<void> {
    await tx.getRepository(GiftPurchase).update({ tenantId, giftId, codeRevealedAt: IsNull() }, { codeRevealedAt: at });
  }
}
