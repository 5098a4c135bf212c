import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  AdvertiserListResponse,
  AdvertiserView,
  CreateAdvertiser,
  CreateAdvertiserRequest,
  GetAdvertiser,
  ListAdvertisers,
  PaymentTermsBody,
  SetPaymentTerms,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { TenantPrincipalOf } from '../../access/tenant-principal-of.decorator';
import type { TenantPrincipal } from '../../access/principal';
import { CreatedApiKey } from '../../api-keys/api-keys.dto';
import { ApiKeysService } from '../../api-keys/api-keys.service';
import { UuidParam } from '../../http/uuid-param.pipe';
import { ShownOnce } from '../../idempotency/shown-once.decorator';
import { AdvertiserApiKeyBody } from './advertiser-api-key.body';

/** Advertisers: the organisations buying from the agency, and their own API keys. */
@ApiTags('advertising')
@ApiBearerAuth()
@Controller('v1/advertising/advertisers')
export class AdvertisingAdvertisersController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly apiKeys: ApiKeysService,
  ) {}

  @Post()
  @Access(CreateAdvertiser)
  @ApiOperation({
    summary:
      'Create an advertiser: name, category (for competitive separation), media agency, tax code, payment terms (prepay unless said)',
  })
  @ApiCreatedResponse({ type: AdvertiserView })
  createAdvertiser(@Body() body: CreateAdvertiserRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(CreateAdvertiser, body, caller);
  }

  @Get()
  @Access(ListAdvertisers)
  @ApiOkResponse({ type: AdvertiserListResponse })
  listAdvertisers(@CallerFor() caller: Caller) {
    return this.rpc.request(ListAdvertisers, {}, caller);
  }

  @Get(':id')
  @Access(GetAdvertiser)
  @ApiOkResponse({ type: AdvertiserView })
  getAdvertiser(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetAdvertiser, { id }, caller);
  }

  @Put(':id/payment-terms')
  @Access(SetPaymentTerms)
  @ApiOperation({
    summary:
      'Set how the advertiser pays for its next orders: prepay (a pay link at approval; an order serves once paid) or invoice with net days (30 unless said). Orders already booked keep their terms',
  })
  @ApiOkResponse({ type: AdvertiserView })
  setPaymentTerms(@Param('id', UuidParam) id: string, @Body() body: PaymentTermsBody, @CallerFor() caller: Caller) {
    return this.rpc.request(SetPaymentTerms, { ...body, id }, caller);
  }

  @Post(':id/api-keys')
  @Access(GetAdvertiser)
  @ShownOnce()
  @ApiOperation({
    summary:
      "Create an API key for the advertiser (role advertiser, bound to it: it sees only the advertiser's own orders); the answer holds the secret, shown this once",
  })
  @ApiCreatedResponse({ type: CreatedApiKey })
  async createAdvertiserApiKey(
    @Param('id', UuidParam) id: string,
    @Body() body: AdvertiserApiKeyBody,
    @CallerFor() caller: Caller,
    @TenantPrincipalOf() principal: TenantPrincipal,
  ) {
    const advertiser = await this.rpc.request(GetAdvertiser, { id }, caller);
    return this.apiKeys.create(principal.tenantId, { ...body, roles: ['advertiser'], subjectId: advertiser.id });
  }
}
