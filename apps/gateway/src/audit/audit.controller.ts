import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { Access } from '../auth/access.decorator';
import { TenantPrincipalOf } from '../auth/tenant-principal-of.decorator';
import type { TenantPrincipal } from '../auth/principal';
import { AuditLog } from './audit-log';

export class AuditLogQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @IsOptional() @Matches(/^[0-9]{1,19}$/) before?: string;
}

@ApiTags('audit')
@Controller('v1/audit-log')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

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
