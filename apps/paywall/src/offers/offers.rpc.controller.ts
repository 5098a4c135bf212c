import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  GetOffers,
  ListOfferRevisions,
  OfferRevisionListResponse,
  OfferRevisionRequest,
  OfferSetView,
  ReplaceOffers,
  ReplaceOffersRequest,
  RestoreOfferRevision,
  TenantScopedRequest,
} from '@libs/contracts';
import { OffersService } from './offers.service';

@Controller()
export class OffersRpcController {
  constructor(private readonly offers: OffersService) {}

  @RpcHandler(GetOffers)
  current(@Payload() _request: TenantScopedRequest, @CallerOf() caller: Caller): Promise<OfferSetView> {
    return this.offers.current(caller.tenantId);
  }

  @RpcHandler(ReplaceOffers)
  replace(@Payload() request: ReplaceOffersRequest, @CallerOf() caller: Caller): Promise<OfferSetView> {
    return this.offers.replace(caller, request);
  }

  @RpcHandler(ListOfferRevisions)
  async revisions(
    @Payload() _request: TenantScopedRequest,
    @CallerOf() caller: Caller,
  ): Promise<OfferRevisionListResponse> {
    return { items: await this.offers.list(caller.tenantId) };
  }

  @RpcHandler(RestoreOfferRevision)
  restore(@Payload() request: OfferRevisionRequest, @CallerOf() caller: Caller): Promise<OfferSetView> {
    return this.offers.restore(caller, request.revision);
  }
}
