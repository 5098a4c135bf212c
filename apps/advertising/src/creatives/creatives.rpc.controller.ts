import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ApproveCreative,
  AttachCreative,
  AttachCreativeRequest,
  ByIdRequest,
  CreateCreative,
  CreateCreativeRequest,
  CreativeContentView,
  CreativeListResponse,
  CreativeView,
  GetCreative,
  GetCreativeContent,
  ListCreatives,
  ListCreativesRequest,
  RejectCreative,
  RejectCreativeRequest,
  UpdateCreative,
  UpdateCreativeRequest,
} from '@libs/contracts';
import { CreativesService } from './creatives.service';

@Controller()
export class CreativesRpcController {
  constructor(private readonly creatives: CreativesService) {}

  @RpcHandler(CreateCreative)
  create(@Payload() request: CreateCreativeRequest, @CallerOf() caller: Caller): Promise<CreativeView> {
    return this.creatives.create(caller, request);
  }

  @RpcHandler(ListCreatives)
  async list(@Payload() request: ListCreativesRequest, @CallerOf() caller: Caller): Promise<CreativeListResponse> {
    return { items: await this.creatives.list(caller, request) };
  }

  @RpcHandler(GetCreative)
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<CreativeView> {
    return this.creatives.get(caller, request.id);
  }

  @RpcHandler(UpdateCreative)
  update(@Payload() request: UpdateCreativeRequest, @CallerOf() caller: Caller): Promise<CreativeView> {
    const { id, ...changes } = request;
    return this.creatives.update(caller, id, changes);
  }

  @RpcHandler(ApproveCreative)
  approve(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<CreativeView> {
    return this.creatives.review(caller, request.id, 'approve');
  }

  @RpcHandler(RejectCreative)
  reject(@Payload() request: RejectCreativeRequest, @CallerOf() caller: Caller): Promise<CreativeView> {
    return this.creatives.review(caller, request.id, 'reject', request.reason);
  }

  @RpcHandler(AttachCreative)
  attach(@Payload() request: AttachCreativeRequest, @CallerOf() caller: Caller): Promise<CreativeView> {
    return this.creatives.attach(caller, request.id, request.orderLineId);
  }

  @RpcHandler(GetCreativeContent)
  content(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<CreativeContentView> {
    return this.creatives.content(caller, request.id);
  }
}
