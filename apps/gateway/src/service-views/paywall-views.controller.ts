import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import { GetPolicy, ListPolicies, PolicyListResponse, PolicyView } from '@libs/contracts';
import { Access } from '../auth/access.decorator';
import { CallerFor } from '../auth/current-principal.decorator';
import { UuidParam } from '../http/uuid-param.pipe';

@ApiTags('paywall')
@ApiBearerAuth()
@Controller('v1/paywall')
export class PaywallViewsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('policies')
  @Access({ roles: ['admin', 'editor'] })
  @ApiOkResponse({ type: PolicyListResponse })
  listPolicies(@CallerFor() caller: Caller) {
    return this.rpc.request(ListPolicies, {}, caller);
  }

  @Get('policies/:id')
  @Access({ roles: ['admin', 'editor'] })
  @ApiOkResponse({ type: PolicyView })
  getPolicy(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetPolicy, { id }, caller);
  }
}
