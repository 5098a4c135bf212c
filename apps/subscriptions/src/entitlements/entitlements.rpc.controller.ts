import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import { EntitlementsQuery, EntitlementsView, GetEntitlements } from '@libs/contracts';
import { EntitlementsService } from './entitlements.service';

@Controller()
export class EntitlementsRpcController {
  constructor(private readonly entitlements: EntitlementsService) {}

  @RpcHandler(GetEntitlements)
  get(@Payload() request: EntitlementsQuery, @CallerOf() caller: Caller): Promise<EntitlementsView> {
    return this.entitlements.forReader(caller.tenantId, request);
  }
}
