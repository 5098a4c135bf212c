import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  AdvertiserListResponse,
  AdvertiserView,
  ByIdRequest,
  CreateAdvertiser,
  CreateAdvertiserRequest,
  GetAdvertiser,
  ListAdvertisers,
  SetPaymentTerms,
  SetPaymentTermsRequest,
  TenantScopedRequest,
} from '@libs/contracts';
import { AdvertisersService } from './advertisers.service';

@Controller()
export class AdvertisersRpcController {
  constructor(private readonly advertisers: AdvertisersService) {}

  @RpcHandler(CreateAdvertiser)
  create(@Payload() request: CreateAdvertiserRequest, @CallerOf() caller: Caller): Promise<AdvertiserView> {
    return this.advertisers.create(caller.tenantId, request);
  }

  @RpcHandler(SetPaymentTerms)
  setPaymentTerms(@Payload() request: SetPaymentTermsRequest, @CallerOf() caller: Caller): Promise<AdvertiserView> {
    return this.advertisers.setPaymentTerms(caller.tenantId, request);
  }

  @RpcHandler(ListAdvertisers)
  async list(@Payload() _request: TenantScopedRequest, @CallerOf() caller: Caller): Promise<AdvertiserListResponse> {
    return { items: await this.advertisers.list(caller.tenantId) };
  }

  @RpcHandler(GetAdvertiser)
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<AdvertiserView> {
    return this.advertisers.get(caller.tenantId, request.id);
  }
}
