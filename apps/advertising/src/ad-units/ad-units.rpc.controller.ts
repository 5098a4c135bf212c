import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  AdUnitListResponse,
  AdUnitView,
  ArchiveAdUnit,
  ByIdRequest,
  CreateAdUnit,
  CreateAdUnitRequest,
  GetAdUnit,
  ListAdUnits,
  TenantScopedRequest,
  UpdateAdUnit,
  UpdateAdUnitRequest,
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

  @RpcHandler(CreateAdUnit)
  create(@Payload() request: CreateAdUnitRequest, @CallerOf() caller: Caller): Promise<AdUnitView> {
    return this.adUnits.create(caller.tenantId, request);
  }

  @RpcHandler(UpdateAdUnit)
  update(@Payload() request: UpdateAdUnitRequest, @CallerOf() caller: Caller): Promise<AdUnitView> {
    const { id, ...changes } = request;
    return this.adUnits.update(caller.tenantId, id, changes);
  }

  @RpcHandler(ArchiveAdUnit)
  archive(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<AdUnitView> {
    return this.adUnits.archive(caller.tenantId, request.id);
  }
}
