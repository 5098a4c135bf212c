import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ByIdRequest,
  DunningCaseListResponse,
  DunningCaseView,
  GetDunningCase,
  ListDunningCases,
  ListDunningCasesRequest,
} from '@libs/contracts';
import { DunningCasesService } from './dunning-cases.service';

@Controller()
export class DunningCasesRpcController {
  constructor(private readonly cases: DunningCasesService) {}

  @RpcHandler(ListDunningCases)
  list(@Payload() request: ListDunningCasesRequest, @CallerOf() caller: Caller): Promise<DunningCaseListResponse> {
    return this.cases.list(caller.tenantId, request);
  }

  @RpcHandler(GetDunningCase)
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<DunningCaseView> {
    return this.cases.get(caller.tenantId, request.id);
  }
}
