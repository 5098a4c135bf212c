import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EventOutbox } from '@libs/common';
import { AddressGrantChanged, cidrContains, IpAddress, parseCidrRange } from '@libs/contracts';
import { CatalogRepository } from '../catalog/catalog.repository';
import type { AddressGrantSource } from '../entitlements/address-grant-source';
import type { HeldGroupLicence } from '../entitlements/grant-source';
import { GroupLicence } from './group-licence.entity';
import { GroupLicenceRepository } from './group-licence.repository';
import { toHeldGroupLicence } from './held-group-licence.mapper';

/**
 * Publishes what a licence grants by address, inside the transaction that changes the licence,
 * so a paywall can decide for a campus network from memory. A licence that never had ranges
 * publishes nothing. Entitlements asks it (as `AddressGrantSource`) what an address may use now,
 * and its lapse sweep has it publish the end of licences that ran out.
 */
@Injectable()
export class AddressGrantsService implements AddressGrantSource {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly catalog: CatalogRepository,
    private readonly licences: GroupLicenceRepository,
  ) {}

  async publish(tx: EntityManager, licence: GroupLicence, now: Date): Promise<void> {
    const running = licence.validUntil.getTime() > now.getTime();
    const ipRanges = running ? licence.ipRanges : [];
    if (licence.addressGrantsVersion === 0 && ipRanges.length === 0) return;
    const product =
      ipRanges.length === 0 ? null : await this.catalog.findProductOfTenant(licence.tenantId, licence.productId, tx);
    licence.addressGrantsVersion += 1;
    licence.addressGrantsEndedAt = running ? null : now;
    await this.licences.recordAddressGrantsPublished(tx, licence);
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

  publishEnded(now: Date, limit: number): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const due = await this.licences.lockEndedWithUnpublishedAddressGrants(tx, now, limit);
      for (const licence of due) await this.publish(tx, licence, now);
      return due.length;
    });
  }

  async coveringAddress(tenantId: string, address: IpAddress, now: Date): Promise<HeldGroupLicence[]> {
    const covering = (await this.licences.findOpenWithIpRanges(tenantId, now)).filter((licence) =>
      licence.ipRanges.some((text) => {
        const range = parseCidrRange(text);
        return range !== null && cidrContains(range, address);
      }),
    );
    return covering.map((licence) => toHeldGroupLicence(licence, 'ip-range'));
  }
}
