import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Refund } from './refund.entity';

/** The only code that reads and writes refunds. */
@Injectable()
export class RefundRepository {
  /** Records the refund unless it was recorded before; answers whether this call did. */
  async insertOnce(tx: EntityManager, refund: Omit<Refund, 'recordedAt'>): Promise<boolean> {
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(Refund)
      .values(refund)
      .orIgnore()
      .returning(['provider_refund_id'])
      .execute();
    return inserted.raw.length > 0;
  }
}
