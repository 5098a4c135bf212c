import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull, MoreThan, Not } from 'typeorm';
import { Gift } from '../gifts/gift.entity';
import { GroupLicence } from '../group-licences/group-licence.entity';
import { GroupMembership } from '../group-licences/group-membership.entity';
import { ReaderSubscription } from '../reader-subscriptions/reader-subscription.entity';

/**
 * Reads what grants a reader entitlements (subscriptions, redeemed gifts, seats of running group
 * licences) and what grants an address (licences with IP ranges), for the entitlement rules. The
 * features that own those rows write them; only reads live here.
 */
@Injectable()
export class GrantSourceRepository {
  constructor(private readonly dataSource: DataSource) {}

  subscriptionsOfReader(tx: EntityManager, tenantId: string, readerKey: string): Promise<ReaderSubscription[]> {
    return tx.getRepository(ReaderSubscription).find({ where: { tenantId, readerKey } });
  }

  /** Gifts a reader redeemed (current or lapsed; the entitlement rules decide). */
  giftsRedeemedBy(tx: EntityManager, tenantId: string, readerKey: string): Promise<Gift[]> {
    return tx.getRepository(Gift).find({ where: { tenantId, redeemerKey: readerKey, redeemedUntil: Not(IsNull()) } });
  }

  membershipsOfReader(tx: EntityManager, tenantId: string, readerKey: string): Promise<GroupMembership[]> {
    return tx.getRepository(GroupMembership).find({ where: { tenantId, readerKey } });
  }

  /** Running licences among these ids (for a reader's memberships). */
  openLicencesByIds(tx: EntityManager, tenantId: string, ids: string[], now: Date): Promise<GroupLicence[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return tx.getRepository(GroupLicence).find({ where: { tenantId, id: In(ids), validUntil: MoreThan(now) } });
  }

  /** Licences still running that have IP ranges. */
  openLicencesWithIpRanges(tenantId: string, now: Date): Promise<GroupLicence[]> {
    return this.dataSource
      .getRepository(GroupLicence)
      .createQueryBuilder('licence')
      .where('licence.tenant_id = :tenantId AND cardinality(licence.ip_ranges) > 0 AND licence.valid_until > :now', {
        tenantId,
        now,
      })
      .getMany();
  }
}
