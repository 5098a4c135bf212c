import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '@libs/common';
import { Access } from '../access/access.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import { TenantPrincipalOf } from '../access/tenant-principal-of.decorator';
import type { Principal, TenantPrincipal } from '../access/principal';
import { STAFF_ROLES } from '../access/role';
import { UuidParam } from '../http/uuid-param.pipe';
import { CreateTenantRequest, TenantView } from './tenants.dto';
import { TenantsService } from './tenants.service';
import { ShownOnce } from '../idempotency/shown-once.decorator';

@ApiTags('tenants')
@ApiBearerAuth()
@Controller('v1')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Post('tenants')
  @ShownOnce()
  @Access('operator')
  @ApiOperation({ summary: 'Register an agency (platform operator); answers its first admin API key, shown once' })
  @ApiCreatedResponse({ description: 'the agency and `adminApiKey.secret`' })
  create(@Body() request: CreateTenantRequest) {
    return this.tenants.create(request);
  }

  @Get('tenant')
  @Access({ roles: STAFF_ROLES })
  @ApiOperation({ summary: 'The calling agency' })
  @ApiOkResponse({ type: TenantView })
  current(@TenantPrincipalOf() principal: TenantPrincipal) {
    return this.tenants.get(principal.tenantId);
  }

  @Get('tenants/:id')
  @Access({ roles: ['admin'] })
  @ApiOperation({ summary: 'One agency: only your own' })
  @ApiOkResponse({ type: TenantView })
  get(@Param('id', UuidParam) id: string, @CurrentPrincipal() principal: Principal) {
    if (principal.kind !== 'operator' && principal.tenantId !== id) throw new NotFoundError('tenant', id);
    return this.tenants.get(id);
  }
}
