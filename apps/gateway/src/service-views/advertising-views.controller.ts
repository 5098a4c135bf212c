import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import { AdUnitListResponse, AdUnitView, GetAdUnit, ListAdUnits } from '@libs/contracts';
import { Access } from '../auth/access.decorator';
import { CallerFor } from '../auth/current-principal.decorator';
import { UuidParam } from '../http/uuid-param.pipe';

@ApiTags('advertising')
@ApiBearerAuth()
@Controller('v1/advertising')
export class AdvertisingViewsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('ad-units')
  @Access({ roles: ['admin', 'adops'] })
  @ApiOkResponse({ type: AdUnitListResponse })
  listAdUnits(@CallerFor() caller: Caller) {
    return this.rpc.request(ListAdUnits, {}, caller);
  }

  @Get('ad-units/:id')
  @Access({ roles: ['admin', 'adops'] })
  @ApiOkResponse({ type: AdUnitView })
  getAdUnit(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetAdUnit, { id }, caller);
  }
}
