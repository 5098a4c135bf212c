import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, MoreThan } from 'typeorm';
import { GroupLicence } from './group-licence.entity';

/** The only code that reads and writes group licences: their seat count, and the state of their address grants. */
@Injectable()
export class GroupLicenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, licence: GroupLicence): Promise<void> {
    await tx.getRepository(GroupLicence).insert(licence);
  }

  /** Newest first; `before` (an id) starts the page after that one. */
  findPageOfTenant(tenantId: string, limit: number, before?: string): Promise<GroupLicence[]> {
    const query = this.dataSource
      .getRepository(GroupLicence)
      .createQueryBuilder('l')
      .where('l.tenant_id = :tenantId', { tenantId })
      .orderBy('l.created_at', 'DESC')
      .addOrderBy('l.id', 'DESC')
      .limit(limit);
    if (before)
      query.andWhere(
        '(l.created_at, l.id) < (SELECT b.created_at, b.id FROM subscriptions.group_licences b WHERE b.tenant_id = :tenantId AND b.id = :before)',
        { before },
      );
    return query.getMany();
  }

  findOneOfTenant(
    tenantId: string,
    id: string,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<GroupLicence | null> {
    return tx.getRepository(GroupLicence).findOne({ where: { tenantId, id } });
  }

  findByIds(tx: EntityManager, tenantId: string, ids: string[]): Promise<GroupLicence[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return tx.getRepository(GroupLicence).find({ where: { tenantId, id: In(ids) } });
  }

  /** Running licences among these ids (for a reader's memberships). */
  findOpenByIds(tx: EntityManager, tenantId: string, ids: string[], now: Date): Promise<GroupLicence[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return tx.getRepository(GroupLicence).find({ where: { tenantId, id: In(ids), validUntil: MoreThan(now) } });
  }

  /** Licences still running that have IP ranges. */
  findOpenWithIpRanges(tenantId: string, now: Date): Promise<GroupLicence[]> {
    return this.dataSource
      .getRepository(GroupLicence)
      .createQueryBuilder('licence')
      .where('licence.tenant_id = :tenantId AND cardinality(licence.ip_ranges) > 0 AND licence.valid_until > :now', {
        tenantId,
        now,
      })
      .getMany();
  }

  /** The licence, row-locked until the transaction ends: joins wait while it changes. */
  lockOfTenant(tx: EntityManager, tenantId: string, id: string): Promise<GroupLicence | null> {
    return tx.getRepository(GroupLicence).findOne({ where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
  }

  async save(tx: EntityManager, licence: GroupLicence): Promise<void> {
    await tx.getRepository(GroupLicence).save(licence);
  }

  /** Licences still running that admit this email domain, oldest first. */
  findOpenByEmailDomain(tx: EntityManager, tenantId: string, domain: string, now: Date): Promise<GroupLicence[]> {
    return tx
      .getRepository(GroupLicence)
      .createQueryBuilder('licence')
      .where('licence.tenant_id = :tenantId AND :domain = ANY(licence.email_domains) AND licence.valid_until > :now', {
        tenantId,
        domain,
        now,
      })
      .orderBy('licence.created_at', 'ASC')
      .addOrderBy('licence.id', 'ASC')
      .getMany();
  }

  /**
   * Takes one seat if one is free and the licence still runs. Concurrent calls queue on the row,
   * and each re-checks the count the previous one left: the seats are never exceeded.
   */
  async takeSeat(tx: EntityManager, tenantId: string, id: string, now: Date): Promise<boolean> {
    const result = await tx
      .createQueryBuilder()
      .update(GroupLicence)
      .set({ seatsUsed: () => 'seats_used + 1' })
      .where('id = :id AND tenant_id = :tenantId AND seats_used < seats AND valid_until > :now', { id, tenantId, now })
      .execute();
    return result.affected === 1;
  }

  async releaseSeat(tx: EntityManager, tenantId: string, id: string): Promise<void> {
    await tx
      .createQueryBuilder()
      .update(GroupLicence)
      .set({ seatsUsed: () => 'seats_used - 1' })
      .where('id = :id AND tenant_id = :tenantId', { id, tenantId })
      .execute();
  }

  /** Records the version of the address grants last published for the licence, and whether their end was. */
  async recordAddressGrantsPublished(
    tx: EntityManager,
    licence: Pick<GroupLicence, 'tenantId' | 'id' | 'addressGrantsVersion' | 'addressGrantsEndedAt'>,
  ): Promise<void> {
    await tx
      .getRepository(GroupLicence)
      .update(
        { tenantId: licence.tenantId, id: licence.id },
        { addressGrantsVersion: licence.addressGrantsVersion, addressGrantsEndedAt: licence.addressGrantsEndedAt },
      );
  }

  /**
   * Up to `limit` licences of any agency that ended at or before `now` with address grants whose
   * end is not published yet, row-locked; rows another instance's sweep holds are skipped.
   */
  lockEndedWithUnpublishedAddressGrants(tx: EntityManager, now: Date, limit: number): Promise<GroupLicence[]> {
    return tx
      .getRepository(GroupLicence)
      .createQueryBuilder('licence')
      .where(
        'licence.validUntil <= :now AND licence.addressGrantsEndedAt IS NULL AND licence.addressGrantsVersion > 0',
        { now },
      )
      .orderBy('licence.validUntil')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }
}
