import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../access/access.decorator';
import type { TenantPrincipal } from '../access/principal';
import { TenantPrincipalOf } from '../access/tenant-principal-of.decorator';
import { AuditLogQuery } from './audit-log.query';
import { AuditLogService } from './audit-log.service';

@ApiTags('audit')
@Controller('v1/audit-log')
export class AuditLogController {
  constructor(private readonly audit: AuditLogService) {}

  @Get()
  @Access({ roles: ['admin'] })
  @ApiOperation({ summary: "The agency's audit log, newest first" })
  async list(@Query() query: AuditLogQuery, @TenantPrincipalOf() principal: TenantPrincipal) {
    const entries = await this.audit.findOfTenant(principal.tenantId, query.limit ?? 100, query.before);
    return {
      items: entries.map(({ tenantId: _tenant, ...entry }) => entry),
      nextBefore: entries.length ? entries[entries.length - 1].seq : null,
    };
  }
}
