import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GroupLicence } from '../group-licences/group-licence.entity';

/** The address grants' state kept on each group licence: its version, and whether its end was published. */
@Injectable()
export class AddressGrantRepository {
  async recordPublished(
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
  lockEndedUnpublished(tx: EntityManager, now: Date, limit: number): Promise<GroupLicence[]> {
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
