import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { TenantCreatedEvent } from '@libs/contracts';
import { PoliciesService } from '../policies/policies.service';
import { PaywallTenantRepository } from './paywall-tenant.repository';

/** A new agency's paywall: its calendar and language, and the policies it starts with. */
@Injectable()
export class TenantsService {
  constructor(
    private readonly tenants: PaywallTenantRepository,
    private readonly policies: PoliciesService,
  ) {}

  async provision(tx: EntityManager, created: TenantCreatedEvent): Promise<void> {
    const { tenantId, timeZone, locale } = created;
    await this.tenants.insert(tx, { tenantId, timeZone, locale });
    await this.policies.provisionDefaults(tx, tenantId);
  }
}
