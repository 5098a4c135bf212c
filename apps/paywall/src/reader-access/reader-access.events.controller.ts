import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsumesEvent } from '@libs/common';
import {
  AddressGrantChanged,
  AddressGrantChangedEvent,
  EntitlementChanged,
  EntitlementChangedEvent,
  EventEnvelope,
} from '@libs/contracts';

/**
 * The paywall's durable copy of who may read what (the snapshot every instance starts from).
 * Events may arrive in any order: a row only ever moves to a higher version.
 */
@Controller()
export class ReaderAccessEventsController {
  @ConsumesEvent(EntitlementChanged)
  async readerGrants(event: EventEnvelope<EntitlementChangedEvent>, tx: EntityManager): Promise<void> {
    const { readerKey, entitlements, version } = event.data;
    await tx.query(
      `INSERT INTO paywall.reader_grants (tenant_id, reader_key, grants, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, reader_key) DO UPDATE SET grants = EXCLUDED.grants, version = EXCLUDED.version
       WHERE paywall.reader_grants.version < EXCLUDED.version`,
      [event.tenantId, readerKey, JSON.stringify(entitlements), version],
    );
  }

  @ConsumesEvent(AddressGrantChanged)
  async addressGrants(event: EventEnvelope<AddressGrantChangedEvent>, tx: EntityManager): Promise<void> {
    const { licenceId, ipRanges, entitlements, validUntil, version } = event.data;
    await tx.query(
      `INSERT INTO paywall.address_grants (tenant_id, licence_id, ip_ranges, entitlements, valid_until, version) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, licence_id) DO UPDATE
         SET ip_ranges = EXCLUDED.ip_ranges, entitlements = EXCLUDED.entitlements, valid_until = EXCLUDED.valid_until, version = EXCLUDED.version
       WHERE paywall.address_grants.version < EXCLUDED.version`,
      [event.tenantId, licenceId, ipRanges, entitlements, validUntil, version],
    );
  }
}
