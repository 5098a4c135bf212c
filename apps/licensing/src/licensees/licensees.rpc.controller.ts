import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ByIdRequest,
  CreateLicensee,
  CreateLicenseeRequest,
  GetLicensee,
  GetOwnLicensee,
  IssueLicenseeClientSecret,
  LicenseeClientSecret,
  LicenseeListResponse,
  LicenseeView,
  ListLicensees,
  TenantScopedRequest,
  UpdateLicensee,
  UpdateLicenseeRequest,
} from '@libs/contracts';
import { LicenseesService } from './licensees.service';

@Controller()
export class LicenseesRpcController {
  constructor(private readonly licensees: LicenseesService) {}

  @RpcHandler(CreateLicensee)
  create(@Payload() request: CreateLicenseeRequest, @CallerOf() caller: Caller): Promise<LicenseeView> {
    return this.licensees.create(caller.tenantId, request);
  }

  @RpcHandler(ListLicensees)
  async list(@Payload() _request: TenantScopedRequest, @CallerOf() caller: Caller): Promise<LicenseeListResponse> {
    return { items: await this.licensees.list(caller.tenantId) };
  }

  @RpcHandler(GetLicensee)
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<LicenseeView> {
    return this.licensees.get(caller.tenantId, request.id);
  }

  @RpcHandler(GetOwnLicensee)
  getOwn(@Payload() _request: TenantScopedRequest, @CallerOf() caller: Caller): Promise<LicenseeView> {
    return this.licensees.getOwn(caller);
  }

  @RpcHandler(UpdateLicensee)
  update(@Payload() request: UpdateLicenseeRequest, @CallerOf() caller: Caller): Promise<LicenseeView> {
    const { id, ...changes } = request;
    return this.licensees.update(caller.tenantId, id, changes);
  }

  @RpcHandler(IssueLicenseeClientSecret)
  issueClientSecret(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<LicenseeClientSecret> {
    return this.licensees.issueClientSecret(caller.tenantId, request.id);
  }
}
