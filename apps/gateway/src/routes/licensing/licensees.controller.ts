import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  CreateLicensee,
  CreateLicenseeRequest,
  GetLicensee,
  GetOwnLicensee,
  IssueLicenseeClientSecret,
  LicenseeChanges,
  LicenseeClientSecret,
  LicenseeListResponse,
  LicenseeView,
  ListLicensees,
  UpdateLicensee,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { TenantPrincipalOf } from '../../access/tenant-principal-of.decorator';
import type { TenantPrincipal } from '../../access/principal';
import { CreatedApiKey } from '../../api-keys/api-keys.dto';
import { ApiKeysService } from '../../api-keys/api-keys.service';
import { UuidParam } from '../../http/uuid-param.pipe';
import { ShownOnce } from '../../idempotency/shown-once.decorator';
import { LicenseeApiKeyBody } from './licensee-api-key.body';

/** Licensees: the organisations licensing the agency's content, their own API keys and client secret. */
@ApiTags('licensing')
@ApiBearerAuth()
@Controller('v1/licensing/licensees')
export class LicensingLicenseesController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly apiKeys: ApiKeysService,
  ) {}

  @Post()
  @Access(CreateLicensee)
  @ApiOperation({
    summary: 'Create a licensee: name, kind (outlet, aggregator, ai-company), country, tax code, contact',
  })
  @ApiCreatedResponse({ type: LicenseeView })
  createLicensee(@Body() body: CreateLicenseeRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(CreateLicensee, body, caller);
  }

  @Get()
  @Access(ListLicensees)
  @ApiOkResponse({ type: LicenseeListResponse })
  listLicensees(@CallerFor() caller: Caller) {
    return this.rpc.request(ListLicensees, {}, caller);
  }

  @Get('me')
  @Access(GetOwnLicensee)
  @ApiOperation({ summary: "The licensee the calling licensee's key acts for" })
  @ApiOkResponse({ type: LicenseeView })
  getOwnLicensee(@CallerFor() caller: Caller) {
    return this.rpc.request(GetOwnLicensee, {}, caller);
  }

  @Get(':id')
  @Access(GetLicensee)
  @ApiOkResponse({ type: LicenseeView })
  getLicensee(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetLicensee, { id }, caller);
  }

  @Patch(':id')
  @Access(UpdateLicensee)
  @ApiOperation({
    summary: "Change a licensee's name, kind, country, tax code or contact (a contact given replaces it)",
  })
  @ApiOkResponse({ type: LicenseeView })
  updateLicensee(@Param('id', UuidParam) id: string, @Body() body: LicenseeChanges, @CallerFor() caller: Caller) {
    return this.rpc.request(UpdateLicensee, { ...body, id }, caller);
  }

  @Post(':id/api-keys')
  @Access(GetLicensee)
  @ShownOnce()
  @ApiOperation({
    summary:
      'Create an API key for the licensee (role licensee, bound to it: it sees only the licensee itself and its own objects); the answer holds the secret, shown this once',
  })
  @ApiCreatedResponse({ type: CreatedApiKey })
  async createLicenseeApiKey(
    @Param('id', UuidParam) id: string,
    @Body() body: LicenseeApiKeyBody,
    @CallerFor() caller: Caller,
    @TenantPrincipalOf() principal: TenantPrincipal,
  ) {
    const licensee = await this.rpc.request(GetLicensee, { id }, caller);
    return this.apiKeys.create(principal.tenantId, { ...body, roles: ['licensee'], subjectId: licensee.id });
  }

  @Post(':id/client-secret')
  @Access(IssueLicenseeClientSecret)
  @ShownOnce()
  @ApiOperation({
    summary:
      "Issue the licensee a new client secret for the licence server's tokens (client id and secret), shown this once; the previous secret stops working at once",
  })
  @ApiCreatedResponse({ type: LicenseeClientSecret })
  issueLicenseeClientSecret(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(IssueLicenseeClientSecret, { id }, caller);
  }
}
