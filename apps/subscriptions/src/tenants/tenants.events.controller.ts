import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsumesEvent } from '@libs/common';
import { EventEnvelope, TenantCreated, TenantCreatedEvent } from '@libs/contracts';
import { BillingSettingsService } from '../billing-settings/billing-settings.service';
import { SubscriptionsTenant } from './subscriptions-tenant.entity';

@Controller()
export class TenantsEventsController {
  constructor(private readonly billingSettings: BillingSettingsService) {}

  @ConsumesEvent(TenantCreated)
  async provision(event: EventEnvelope<TenantCreatedEvent>, tx: EntityManager): Promise<void> {
    const { tenantId, timeZone, locale, defaultCurrency } = event.data;
    await tx.getRepository(SubscriptionsTenant).insert({ tenantId, timeZone, locale, defaultCurrency });
    await this.billingSettings.provisionDefaults(tx, tenantId, defaultCurrency);
  }
}
