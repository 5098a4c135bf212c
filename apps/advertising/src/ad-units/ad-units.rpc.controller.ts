import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  AdUnitListResponse,
  AdUnitView,
  ByIdRequest,
  GetAdUnit,
  ListAdUnits,
  TenantScopedRequest,
} from '@libs/contracts';
import { AdUnitsService } from './ad-units.service';

@Controller()
export class AdUnitsRpcController {
  constructor(private readonly adUnits: AdUnitsService) {}

  @RpcHandler(ListAdUnits)
  async list(@Payload() _request: TenantScopedRequest, @CallerOf() caller: Caller): Promise<AdUnitListResponse> {
    return { items: await this.adUnits.list(caller.tenantId) };
  }

  @RpcHandler(GetAdUnit)
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<AdUnitView> {
    return this.adUnits.get(caller.tenantId, request.id);
  }
}
