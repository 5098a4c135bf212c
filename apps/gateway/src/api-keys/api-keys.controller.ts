import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '../access/access.decorator';
import { TenantPrincipalOf } from '../access/tenant-principal-of.decorator';
import type { TenantPrincipal } from '../access/principal';
import { UuidParam } from '../http/uuid-param.pipe';
import { ApiKeyListResponse, ApiKeyView, CreateApiKeyRequest, CreatedApiKey } from './api-keys.dto';
import { ApiKeysService } from './api-keys.service';
import { ShownOnce } from '../idempotency/shown-once.decorator';

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @Access({ roles: ['admin'] })
  @ShownOnce()
  @ApiOperation({ summary: 'Create a secret API key; the answer holds the secret, shown this once' })
  @ApiCreatedResponse({ type: CreatedApiKey })
  create(@Body() request: CreateApiKeyRequest, @TenantPrincipalOf() principal: TenantPrincipal) {
    return this.apiKeys.create(principal.tenantId, request);
  }

  @Get()
  @Access({ roles: ['admin'] })
  @ApiOperation({ summary: "The agency's API keys, revoked ones included; never their secrets" })
  @ApiOkResponse({ type: ApiKeyListResponse })
  async list(@TenantPrincipalOf() principal: TenantPrincipal) {
    return { items: await this.apiKeys.list(principal.tenantId) };
  }

  @Get(':id')
  @Access({ roles: ['admin'] })
  @ApiOperation({ summary: 'One API key of the agency, without its secret' })
  @ApiOkResponse({ type: ApiKeyView })
  get(@Param('id', UuidParam) id: string, @TenantPrincipalOf() principal: TenantPrincipal) {
    return this.apiKeys.get(principal.tenantId, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @Access({ roles: ['admin'] })
  @ApiOperation({ summary: 'Revoke a key; it stops working at once on this gateway, within 5 s on the others' })
  @ApiNoContentResponse()
  revoke(@Param('id', UuidParam) id: string, @TenantPrincipalOf() principal: TenantPrincipal) {
    return this.apiKeys.revoke(principal.tenantId, id);
  }
}
