import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { StripeBillingAgency } from './stripe-billing-agency.entity';

@Injectable()
export class StripeBillingAgencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records the agency's account as payments announced it; an older announcement never replaces a newer one. */
  async record(tx: EntityManager, agency: StripeBillingAgency): Promise<void> {
    await tx.query(
      `INSERT INTO subscriptions.stripe_billing_agencies (tenant_id, mode, key_last4, configured_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id) DO UPDATE SET mode = EXCLUDED.mode, key_last4 = EXCLUDED.key_last4,
         configured_at = EXCLUDED.configured_at
       WHERE stripe_billing_agencies.configured_at <= EXCLUDED.configured_at`,
      [agency.tenantId, agency.mode, agency.keyLast4, agency.configuredAt],
    );
  }

  async exists(tenantId: string): Promise<boolean> {
    return this.dataSource.getRepository(StripeBillingAgency).existsBy({ tenantId });
  }
}
