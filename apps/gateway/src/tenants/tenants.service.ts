import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError, EventOutbox, isUniqueViolation, NotFoundError } from '@libs/common';
import { TenantCreated } from '@libs/contracts';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { CreatedApiKey } from '../api-keys/api-keys.dto';
import { AuditLogService } from '../audit-log/audit-log.service';
import { Tenant } from './tenant.entity';
import { TenantRepository } from './tenant.repository';
import { CreateTenantRequest, TenantView } from './tenants.dto';

@Injectable()
export class TenantsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tenants: TenantRepository,
    private readonly apiKeys: ApiKeysService,
    private readonly audit: AuditLogService,
    private readonly outbox: EventOutbox,
  ) {}

  /**
   * Registers an agency with its first admin key, and tells every service (TenantCreated) so
   * each provisions its defaults. All in one transaction: no agency without its event.
   */
  async create(request: CreateTenantRequest): Promise<{ tenant: TenantView; adminApiKey: CreatedApiKey }> {
    try {
      return await this.dataSource.transaction(async (tx) => {
        const tenant = await this.tenants.add(tx, {
          name: request.name,
          slug: request.slug,
          defaultCurrency: request.defaultCurrency ?? 'VND',
          timeZone: request.timeZone ?? 'Asia/Ho_Chi_Minh',
          locale: request.locale ?? 'vi',
        });
        const view = toView(tenant);
        await this.audit.record(tx, {
          tenantId: tenant.id,
          action: 'tenant.created',
          targetType: 'tenant',
          targetId: tenant.id,
          after: view,
        });
        const adminApiKey = await this.apiKeys.createIn(tx, tenant.id, { name: 'First admin key', roles: ['admin'] });
        await this.outbox.add(tx, TenantCreated, {
          tenantId: tenant.id,
          subject: tenant.id,
          data: {
            tenantId: tenant.id,
            name: tenant.name,
            slug: tenant.slug,
            defaultCurrency: tenant.defaultCurrency,
            timeZone: tenant.timeZone,
            locale: tenant.locale,
          },
        });
        return { tenant: view, adminApiKey };
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(`an agency with slug ${request.slug} already exists`);
      }
      throw error;
    }
  }

  async get(id: string): Promise<TenantView> {
    const tenant = await this.tenants.findById(id);
    if (!tenant) throw new NotFoundError('tenant', id);
    return toView(tenant);
  }
}

function toView(tenant: Tenant): TenantView {
  const { id, name, slug, defaultCurrency, timeZone, locale, createdAt } = tenant;
  return { id, name, slug, defaultCurrency, timeZone, locale, createdAt };
}
