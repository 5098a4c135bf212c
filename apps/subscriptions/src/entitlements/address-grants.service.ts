import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventOutbox } from '@libs/common';
import { AddressGrantChanged } from '@libs/contracts';
import { CatalogRepository } from '../catalog/catalog.repository';
import { GroupLicence } from '../group-licences/group-licence.entity';
import { AddressGrantRepository } from './address-grant.repository';

/**
 * Publishes what a licence grants by address, inside the transaction that changes the licence,
 * so a paywall can decide for a campus network from memory. A licence that never had ranges
 * publishes nothing.
 */
@Injectable()
export class AddressGrantsService {
  constructor(
    private readonly outbox: EventOutbox,
    private readonly catalog: CatalogRepository,
    private readonly addressGrants: AddressGrantRepository,
  ) {}

  async publish(tx: EntityManager, licence: GroupLicence, now: Date): Promise<void> {
    const running = licence.validUntil.getTime() > now.getTime();
    const ipRanges = running ? licence.ipRanges : [];
    if (licence.addressGrantsVersion === 0 && ipRanges.length === 0) return;
    const product =
      ipRanges.length === 0 ? null : await this.catalog.findProductOfTenant(licence.tenantId, licence.productId, tx);
    licence.addressGrantsVersion += 1;
    licence.addressGrantsEndedAt = running ? null : now;
    await this.addressGrants.recordPublished(tx, licence);
    await this.outbox.add(tx, AddressGrantChanged, {
      tenantId: licence.tenantId,
      subject: licence.id,
      data: {
        licenceId: licence.id,
        ipRanges,
        entitlements: [...(product?.entitlements ?? [])],
        validUntil: licence.validUntil.toISOString(),
        version: licence.addressGrantsVersion,
      },
    });
  }
}
