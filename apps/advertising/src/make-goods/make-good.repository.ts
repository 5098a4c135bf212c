import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import type { MakeGoodStatus } from '@libs/contracts';
import { MakeGood } from './make-good.entity';

/** Whose make-goods a caller sees: an advertiser's key its own (advertiserId), staff all of the agency's (null). */
export interface MakeGoodScope {
  tenantId: string;
  advertiserId: string | null;
}

@Injectable()
export class MakeGoodRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Proposes unless the line already has a make-good; null when it had. */
  async addUnlessProposed(
    tx: EntityManager,
    makeGood: Omit<MakeGood, 'id' | 'createdAt' | 'updatedAt'>,
  ): Promise<MakeGood | null> {
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(MakeGood)
      .values(makeGood)
      .orIgnore()
      .returning('id')
      .execute();
    const id = (inserted.raw as { id: string }[])[0]?.id;
    return id ? tx.getRepository(MakeGood).findOneByOrFail({ id }) : null;
  }

  findOne(scope: MakeGoodScope, id: string): Promise<MakeGood | null> {
    return this.dataSource.getRepository(MakeGood).findOne({ where: whereOf(scope, { id }) });
  }

  /** The make-good, locked for settling. */
  findForChange(tx: EntityManager, scope: MakeGoodScope, id: string): Promise<MakeGood | null> {
    return tx.getRepository(MakeGood).findOne({ where: whereOf(scope, { id }), lock: { mode: 'pessimistic_write' } });
  }

  /** Newest first, at most 100. */
  findMany(scope: MakeGoodScope, filter: { status?: MakeGoodStatus; orderId?: string }): Promise<MakeGood[]> {
    return this.dataSource.getRepository(MakeGood).find({
      where: whereOf(scope, {
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.orderId ? { orderId: filter.orderId } : {}),
      }),
      order: { createdAt: 'DESC', id: 'DESC' },
      take: 100,
    });
  }

  save(tx: EntityManager, makeGood: MakeGood): Promise<MakeGood> {
    return tx.getRepository(MakeGood).save(makeGood);
  }
}

function whereOf(scope: MakeGoodScope, where: FindOptionsWhere<MakeGood>): FindOptionsWhere<MakeGood> {
  return { ...where, tenantId: scope.tenantId, ...(scope.advertiserId ? { advertiserId: scope.advertiserId } : {}) };
}
