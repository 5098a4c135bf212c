import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, FindOptionsWhere, In } from 'typeorm';
import type { CreativeStatus } from '@libs/contracts';
import { Creative } from './creative.entity';

/** Whose creatives a caller sees: an advertiser's key its own (advertiserId), staff all of the agency's (null). */
export interface CreativeScope {
  tenantId: string;
  advertiserId: string | null;
}

/** An order line as a creative's attachment needs it: whose order, and what its unit accepts. */
export interface LineForCreative {
  id: string;
  advertiserId: string;
  unitSizes: string[];
  unitFormat: string;
}

@Injectable()
export class CreativeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A new creative (its id given, or made by the database). */
  add(
    tx: EntityManager,
    creative: Omit<Creative, 'id' | 'createdAt' | 'updatedAt'> & { id?: string },
  ): Promise<Creative> {
    const repository = tx.getRepository(Creative);
    return repository.save(repository.create(creative));
  }

  save(tx: EntityManager, creative: Creative): Promise<Creative> {
    return tx.getRepository(Creative).save(creative);
  }

  findOne(scope: CreativeScope, id: string): Promise<Creative | null> {
    return this.dataSource.getRepository(Creative).findOne({ where: whereOf(scope, { id }) });
  }

  /** The agency's creatives among `ids` (another agency's are not found). */
  findManyOfTenant(tenantId: string, ids: string[]): Promise<Creative[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Creative).find({ where: { tenantId, id: In(ids) } });
  }

  /** The creative, locked for a change. */
  findForChange(tx: EntityManager, scope: CreativeScope, id: string): Promise<Creative | null> {
    return tx.getRepository(Creative).findOne({ where: whereOf(scope, { id }), lock: { mode: 'pessimistic_write' } });
  }

  /** The stored bytes with the creative. */
  findWithContent(scope: CreativeScope, id: string): Promise<Creative | null> {
    return this.dataSource
      .getRepository(Creative)
      .createQueryBuilder('creative')
      .addSelect('creative.content')
      .where('creative.tenant_id = :tenantId AND creative.id = :id', { tenantId: scope.tenantId, id })
      .andWhere(scope.advertiserId ? 'creative.advertiser_id = :advertiserId' : 'TRUE', {
        advertiserId: scope.advertiserId,
      })
      .getOne();
  }

  /** The agency's creatives attached to a line, locked for a change. */
  findAttachedToLine(tx: EntityManager, tenantId: string, lineId: string): Promise<Creative[]> {
    return tx
      .getRepository(Creative)
      .createQueryBuilder('creative')
      .where('creative.tenant_id = :tenantId AND :lineId = ANY(creative.order_line_ids)', { tenantId, lineId })
      .orderBy('creative.id')
      .setLock('pessimistic_write')
      .getMany();
  }

  /** Newest first, at most 100. */
  findMany(scope: CreativeScope, filter: { advertiserId?: string; status?: CreativeStatus }): Promise<Creative[]> {
    return this.dataSource.getRepository(Creative).find({
      where: whereOf(scope, {
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.advertiserId && scope.advertiserId === null ? { advertiserId: filter.advertiserId } : {}),
      }),
      order: { createdAt: 'DESC', id: 'DESC' },
      take: 100,
    });
  }

  /** The creatives attached to any of these lines of the agency's, with their review. */
  async findAttachedTo(
    tx: EntityManager,
    tenantId: string,
    lineIds: string[],
  ): Promise<{ orderLineIds: string[]; status: CreativeStatus }[]> {
    if (lineIds.length === 0) return [];
    const rows = (await tx.query(
      `SELECT order_line_ids, status FROM advertising.creatives WHERE tenant_id = $1 AND order_line_ids && $2::uuid[]`,
      [tenantId, lineIds],
    )) as { order_line_ids: string[]; status: CreativeStatus }[];
    return rows.map((row) => ({ orderLineIds: row.order_line_ids, status: row.status }));
  }

  /** The agency's order line with its order's advertiser and its unit's sizes, or null. */
  async findLine(tx: EntityManager, tenantId: string, lineId: string): Promise<LineForCreative | null> {
    const rows = (await tx.query(
      `SELECT line.id, o.advertiser_id AS "advertiserId", unit.sizes AS "unitSizes", unit.format AS "unitFormat"
         FROM advertising.order_lines line
         JOIN advertising.orders o ON o.id = line.order_id AND o.tenant_id = line.tenant_id
         JOIN advertising.ad_units unit ON unit.id = line.ad_unit_id AND unit.tenant_id = line.tenant_id
        WHERE line.tenant_id = $1 AND line.id = $2`,
      [tenantId, lineId],
    )) as LineForCreative[];
    return rows[0] ?? null;
  }
}

function whereOf(scope: CreativeScope, where: FindOptionsWhere<Creative>): FindOptionsWhere<Creative> {
  return { ...where, tenantId: scope.tenantId, ...(scope.advertiserId ? { advertiserId: scope.advertiserId } : {}) };
}
