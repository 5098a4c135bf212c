import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { AuditLogModule } from '../audit-log/audit-log.module';
import { TenantRepository } from './tenant.repository';
import { TenantsController } from './tenants.controller';
import { TenantsService } from './tenants.service';

/** Agencies: registered by the operator with their first admin key, and announced to every service. */
@Module({
  imports: [ApiKeysModule, AuditLogModule],
  controllers: [TenantsController],
  providers: [TenantsService, TenantRepository],
  exports: [TenantRepository],
})
export class TenantsModule {}
