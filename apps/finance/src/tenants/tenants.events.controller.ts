import { Controller } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsumesEvent } from '@libs/common';
import { EventEnvelope, TenantCreated, TenantCreatedEvent } from '@libs/contracts';
import { AccountsService } from '../accounts/accounts.service';
import { FinanceTenant } from './finance-tenant.entity';

@Controller()
export class TenantsEventsController {
  constructor(private readonly accounts: AccountsService) {}

  @ConsumesEvent(TenantCreated)
  async provision(event: EventEnvelope<TenantCreatedEvent>, tx: EntityManager): Promise<void> {
    const { tenantId, timeZone, locale, defaultCurrency } = event.data;
    await tx.getRepository(FinanceTenant).insert({ tenantId, timeZone, locale, defaultCurrency });
    await this.accounts.provisionDefaults(tx, tenantId);
  }
}
