import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import { ConversionListResponse, ListConversions, ListConversionsRequest } from '@libs/contracts';
import { ConversionsService } from './conversions.service';

@Controller()
export class ConversionsRpcController {
  constructor(private readonly conversions: ConversionsService) {}

  @RpcHandler(ListConversions)
  list(@Payload() request: ListConversionsRequest, @CallerOf() caller: Caller): Promise<ConversionListResponse> {
    return this.conversions.list(caller.tenantId, request);
  }
}
