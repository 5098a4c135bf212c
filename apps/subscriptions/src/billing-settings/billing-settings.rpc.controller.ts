import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  BillingSettingsView,
  GetBillingSettings,
  TenantScopedRequest,
  UpdateDunning,
  UpdateDunningRequest,
  UpdateRenewalNotice,
  UpdateRenewalNoticeRequest,
} from '@libs/contracts';
import { BillingSettingsService } from './billing-settings.service';

@Controller()
export class BillingSettingsRpcController {
  constructor(private readonly settings: BillingSettingsService) {}

  @RpcHandler(GetBillingSettings)
  get(@Payload() _request: TenantScopedRequest, @CallerOf() caller: Caller): Promise<BillingSettingsView> {
    return this.settings.get(caller.tenantId);
  }

  @RpcHandler(UpdateDunning)
  updateDunning(@Payload() request: UpdateDunningRequest, @CallerOf() caller: Caller): Promise<BillingSettingsView> {
    return this.settings.updateDunning(caller.tenantId, request);
  }

  @RpcHandler(UpdateRenewalNotice)
  updateRenewalNotice(
    @Payload() request: UpdateRenewalNoticeRequest,
    @CallerOf() caller: Caller,
  ): Promise<BillingSettingsView> {
    return this.settings.updateRenewalNotice(caller.tenantId, request);
  }
}
