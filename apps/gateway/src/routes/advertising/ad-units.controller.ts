import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import { AdUnitListResponse, AdUnitView, GetAdUnit, ListAdUnits } from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { UuidParam } from '../../http/uuid-param.pipe';

/** Ad units: the inventory positions an agency sells. */
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

  @Get(':id')
  @Access(GetAdUnit)
  @ApiOkResponse({ type: AdUnitView })
  getAdUnit(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetAdUnit, { id }, caller);
  }
}
