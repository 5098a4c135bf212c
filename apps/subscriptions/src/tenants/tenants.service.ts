import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantCreatedEvent } from '@libs/contracts';
import { BillingSettingsService } from '../billing-settings/billing-settings.service';
import { SubscriptionsTenantRepository } from './subscriptions-tenant.repository';

@Injectable()
export class TenantsService {
  constructor(
    private readonly tenants: SubscriptionsTenantRepository,
    private readonly billingSettings: BillingSettingsService,
  ) {}

  /** A new agency: its calendar and currency, and its default billing settings, in the event's transaction. */
  async provision(tx: EntityManager, tenant: TenantCreatedEvent): Promise<void> {
    const { tenantId, timeZone, locale, defaultCurrency } = tenant;
    await this.tenants.insert(tx, { tenantId, timeZone, locale, defaultCurrency });
    await this.billingSettings.provisionDefaults(tx, tenantId, defaultCurrency);
  }
}
