import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access } from '../access/access.decorator';
import { TenantPrincipalOf } from '../access/tenant-principal-of.decorator';
import type { TenantPrincipal } from '../access/principal';
import { STAFF_ROLES } from '../access/role';
import { UuidParam } from '../http/uuid-param.pipe';
import { CreateSiteRequest, PublicSiteView, SiteListResponse, SiteView, UpdateSiteRequest } from './sites.dto';
import { SitesService } from './sites.service';

@ApiTags('sites')
@Controller('v1')
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @Post('sites')
  @Access({ roles: ['admin'] })
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Register a site of the agency; the answer holds its publishable key' })
  @ApiCreatedResponse({ type: SiteView })
  create(@Body() request: CreateSiteRequest, @TenantPrincipalOf() principal: TenantPrincipal) {
    return this.sites.create(principal.tenantId, request);
  }

  @Get('sites')
  @Access({ roles: STAFF_ROLES })
  @ApiBearerAuth()
  @ApiOperation({ summary: "The agency's sites" })
  @ApiOkResponse({ type: SiteListResponse })
  async list(@TenantPrincipalOf() principal: TenantPrincipal) {
    return { items: await this.sites.list(principal.tenantId) };
  }

  @Get('sites/:id')
  @Access({ roles: STAFF_ROLES })
  @ApiBearerAuth()
  @ApiOperation({ summary: 'One site of the agency' })
  @ApiOkResponse({ type: SiteView })
  get(@Param('id', UuidParam) id: string, @TenantPrincipalOf() principal: TenantPrincipal) {
    return this.sites.get(principal.tenantId, id);
  }

  @Patch('sites/:id')
  @Access({ roles: ['admin'] })
  @ApiBearerAuth()
  @ApiOperation({ summary: "Rename a site or change its domain; readers' pages keep its publishable key" })
  @ApiOkResponse({ type: SiteView })
  update(
    @Param('id', UuidParam) id: string,
    @Body() request: UpdateSiteRequest,
    @TenantPrincipalOf() principal: TenantPrincipal,
  ) {
    return this.sites.update(principal.tenantId, id, request);
  }

  @Post('sites/:id/key-rotation')
  @HttpCode(200)
  @Access({ roles: ['admin'] })
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      "Give the site a new publishable key; the old one is revoked at once (on every gateway and the paywall's decision server within 5 s), so pages must carry the new one",
  })
  @ApiOkResponse({ type: SiteView })
  rotateKey(@Param('id', UuidParam) id: string, @TenantPrincipalOf() principal: TenantPrincipal) {
    return this.sites.rotateKey(principal.tenantId, id);
  }

  @Get('public/site')
  @Access('site')
  @ApiSecurity('siteKey')
  @ApiOperation({ summary: "The site a reader's page belongs to (publishable key in X-Site-Key)" })
  @ApiOkResponse({ type: PublicSiteView })
  async publicSite(@TenantPrincipalOf() principal: TenantPrincipal): Promise<PublicSiteView> {
    const site = await this.sites.get(principal.tenantId, principal.id);
    return { siteId: site.id, name: site.name, domain: site.domain };
  }
}
