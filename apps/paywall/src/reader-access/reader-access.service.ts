import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AddressGrantChangedEvent, EntitlementChangedEvent } from '@libs/contracts';
import { AddressGrantsRepository } from './address-grants.repository';
import { ReaderGrantsRepository } from './reader-grants.repository';

/**
 * The paywall's durable copy of who may read what (the snapshot every instance starts from).
 * Events may arrive in any order: a row only ever moves to a higher version.
 */
@Injectable()
export class ReaderAccessService {
  constructor(
    private readonly readerGrants: ReaderGrantsRepository,
    private readonly addressGrants: AddressGrantsRepository,
  ) {}

  recordReaderGrants(tx: EntityManager, tenantId: string, change: EntitlementChangedEvent): Promise<void> {
    const { readerKey, entitlements, version } = change;
    return this.readerGrants.upsertIfNewer(tx, tenantId, readerKey, entitlements, version);
  }

  recordAddressGrants(tx: EntityManager, tenantId: string, change: AddressGrantChangedEvent): Promise<void> {
    return this.addressGrants.upsertIfNewer(tx, tenantId, change);
  }
}
