import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventOutbox } from '@libs/common';
import { AddressGrantChanged } from '@libs/contracts';
import { Product } from '../catalog/product.entity';
import { GroupLicence } from '../group-licences/group-licence.entity';

/**
 * Publishes what a licence grants by address, inside the transaction that changes the licence,
 * so a paywall can decide for a campus network from memory. A licence that never had ranges
 * publishes nothing.
 */
@Injectable()
export class AddressGrantsService {
  constructor(private readonly outbox: EventOutbox) {}

  async publish(tx: EntityManager, licence: GroupLicence, now: Date): Promise<void> {
    const running = licence.validUntil.getTime() > now.getTime();
    const ipRanges = running ? licence.ipRanges : [];
    if (licence.addressGrantsVersion === 0 && ipRanges.length === 0) return;
    const product =
      ipRanges.length === 0
        ? null
        : await tx.getRepository(Product).findOne({ where: { tenantId: licence.tenantId, id: licence.productId } });
    licence.addressGrantsVersion += 1;
    licence.addressGrantsEndedAt = running ? null : now;
    await tx
      .getRepository(GroupLicence)
      .update(
        { tenantId: licence.tenantId, id: licence.id },
        { addressGrantsVersion: licence.addressGrantsVersion, addressGrantsEndedAt: licence.addressGrantsEndedAt },
      );
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
