import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ByIdRequest,
  CreateTakeoverPage,
  CreateTakeoverPageRequest,
  GetTakeoverPage,
  ListTakeoverPages,
  TakeoverPageListResponse,
  TakeoverPageView,
  TenantScopedRequest,
  UpdateTakeoverPage,
  UpdateTakeoverPageRequest,
} from '@libs/contracts';
import { TakeoverPagesService } from './takeover-pages.service';

@Controller()
export class TakeoverPagesRpcController {
  constructor(private readonly pages: TakeoverPagesService) {}

  @RpcHandler(ListTakeoverPages)
  async list(@Payload() _request: TenantScopedRequest, @CallerOf() caller: Caller): Promise<TakeoverPageListResponse> {
    return { items: await this.pages.list(caller.tenantId) };
  }

  @RpcHandler(GetTakeoverPage)
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<TakeoverPageView> {
    return this.pages.get(caller.tenantId, request.id);
  }

  @RpcHandler(CreateTakeoverPage)
  create(@Payload() request: CreateTakeoverPageRequest, @CallerOf() caller: Caller): Promise<TakeoverPageView> {
    return this.pages.create(caller.tenantId, request);
  }

  @RpcHandler(UpdateTakeoverPage)
  update(@Payload() request: UpdateTakeoverPageRequest, @CallerOf() caller: Caller): Promise<TakeoverPageView> {
    const { id, ...changes } = request;
    return this.pages.update(caller.tenantId, id, changes);
  }
}
