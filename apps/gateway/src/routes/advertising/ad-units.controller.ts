import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  AdUnitChanges,
  AdUnitListResponse,
  AdUnitView,
  ArchiveAdUnit,
  CreateAdUnit,
  CreateAdUnitRequest,
  GetAdUnit,
  GetRateCard,
  ListAdUnits,
  PutRateCard,
  RateCardTerms,
  RateCardView,
  UpdateAdUnit,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { UuidParam } from '../../http/uuid-param.pipe';

/** Ad units: the inventory positions an agency sells, and their rate cards. */
@ApiTags('advertising')
@ApiBearerAuth()
@Controller('v1/advertising/ad-units')
export class AdvertisingAdUnitsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(ListAdUnits)
  @ApiOkResponse({ type: AdUnitListResponse })
  listAdUnits(@CallerFor() caller: Caller) {
    return this.rpc.request(ListAdUnits, {}, caller);
  }

  @Post()
  @Access(CreateAdUnit)
  @ApiOperation({
    summary:
      'Create an ad unit on a site: code (unique in the agency), sizes (IAB WxH, custom WxH, native, fluid), placement, daily capacity, exclusive sponsorship',
  })
  @ApiCreatedResponse({ type: AdUnitView })
  createAdUnit(@Body() body: CreateAdUnitRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(CreateAdUnit, body, caller);
  }

  @Get(':id')
  @Access(GetAdUnit)
  @ApiOkResponse({ type: AdUnitView })
  getAdUnit(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetAdUnit, { id }, caller);
  }

  @Patch(':id')
  @Access(UpdateAdUnit)
  @ApiOperation({
    summary:
      'Change an ad unit, its house ads (creatives of the agency shown when no sold line wins) and passback tag among it; a daily capacity below what is sold or held on a day to come is refused (409) naming the days',
  })
  @ApiOkResponse({ type: AdUnitView })
  updateAdUnit(@Param('id', UuidParam) id: string, @Body() body: AdUnitChanges, @CallerFor() caller: Caller) {
    return this.rpc.request(UpdateAdUnit, { ...body, id }, caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @Access(ArchiveAdUnit)
  @ApiOperation({
    summary: 'Take an ad unit off sale (it stays listed, inactive); refused (409) while a day to come is sold or held',
  })
  @ApiNoContentResponse()
  async archiveAdUnit(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    await this.rpc.request(ArchiveAdUnit, { id }, caller);
  }

  @Put(':id/rate-card')
  @Access(PutRateCard)
  @ApiOperation({
    summary:
      "Set the unit's rate card: CPD, CPM and sponsorship day prices (VAT excluded, minor units), seasonal multipliers, volume discounts, commission tiers, cancellation penalties, VAT rate (basis points)",
  })
  @ApiOkResponse({ type: RateCardView })
  putRateCard(@Param('id', UuidParam) id: string, @Body() body: RateCardTerms, @CallerFor() caller: Caller) {
    return this.rpc.request(PutRateCard, { ...body, id }, caller);
  }

  @Get(':id/rate-card')
  @Access(GetRateCard)
  @ApiOkResponse({ type: RateCardView })
  getRateCard(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetRateCard, { id }, caller);
  }
}
