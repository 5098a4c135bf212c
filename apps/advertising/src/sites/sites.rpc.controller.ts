import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ByIdRequest,
  GetSiteAdSettings,
  PutSiteAdSettings,
  PutSiteAdSettingsRequest,
  SiteAdSettingsView,
} from '@libs/contracts';
import { SitesService } from './sites.service';

@Controller()
export class SitesRpcController {
  constructor(private readonly sites: SitesService) {}

  @RpcHandler(GetSiteAdSettings)
  adSettings(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<SiteAdSettingsView> {
    return this.sites.adSettings(caller.tenantId, request.id);
  }

  @RpcHandler(PutSiteAdSettings)
  putAdSettings(@Payload() request: PutSiteAdSettingsRequest, @CallerOf() caller: Caller): Promise<SiteAdSettingsView> {
    const { id, ...terms } = request;
    return this.sites.putAdSettings(caller.tenantId, id, terms);
  }
}
