import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, TenantCreatedEvent } from '@libs/contracts';
import { AccountsService } from '../accounts/accounts.service';
import { FinanceTenantRepository } from './finance-tenant.repository';

/** The agencies finance keeps books for, as the gateway registers them. */
@Injectable()
export class TenantsService {
  constructor(
    private readonly tenants: FinanceTenantRepository,
    private readonly accounts: AccountsService,
  ) {}

  /** The agency's calendar and currency, and its default chart of accounts. */
  async provision(tx: EntityManager, event: EventEnvelope<TenantCreatedEvent>): Promise<void> {
    const { tenantId, timeZone, locale, defaultCurrency } = event.data;
    await this.tenants.insert(tx, { tenantId, timeZone, locale, defaultCurrency });
    await this.accounts.provisionDefaults(tx, tenantId);
  }
}
