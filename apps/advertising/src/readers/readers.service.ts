import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { EntitlementChangedEvent } from '@libs/contracts';
import { ReaderGrantsRepository } from './reader-grants.repository';

/**
 * Advertising's durable copy of readers' entitlements (who is ad-free, who subscribes), the
 * snapshot every instance's memory starts from. Events may arrive in any order: a row only ever
 * moves to a higher version.
 */
@Injectable()
export class ReadersService {
  constructor(private readonly grants: ReaderGrantsRepository) {}

  recordGrants(tx: EntityManager, tenantId: string, change: EntitlementChangedEvent): Promise<void> {
    return this.grants.upsertIfNewer(tx, tenantId, change.readerKey, change.entitlements, change.version);
  }
}
