import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ByIdRequest,
  GetReconciliationException,
  ListReconciliationExceptions,
  ListReconciliationExceptionsRequest,
  ReconciliationExceptionListResponse,
  ReconciliationExceptionView,
  ResolveReconciliationException,
  ResolveReconciliationExceptionRequest,
} from '@libs/contracts';
import { ReconciliationExceptionsService } from './reconciliation-exceptions.service';

@Controller()
export class ReconciliationExceptionsRpcController {
  constructor(private readonly exceptions: ReconciliationExceptionsService) {}

  @RpcHandler(ListReconciliationExceptions)
  list(
    @Payload() request: ListReconciliationExceptionsRequest,
    @CallerOf() caller: Caller,
  ): Promise<ReconciliationExceptionListResponse> {
    return this.exceptions.list(caller.tenantId, request);
  }

  @RpcHandler(GetReconciliationException)
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<ReconciliationExceptionView> {
    return this.exceptions.get(caller.tenantId, request.id);
  }

  @RpcHandler(ResolveReconciliationException)
  resolve(
    @Payload() request: ResolveReconciliationExceptionRequest,
    @CallerOf() caller: Caller,
  ): Promise<ReconciliationExceptionView> {
    return this.exceptions.resolve(caller, request);
  }
}
