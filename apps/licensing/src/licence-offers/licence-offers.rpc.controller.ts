import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ByIdRequest,
  GetLicenceOffer,
  LicenceOfferListResponse,
  LicenceOfferView,
  ListLicenceOffers,
  TenantScopedRequest,
} from '@libs/contracts';
import { LicenceOffersService } from './licence-offers.service';

@Controller()
export class LicenceOffersRpcController {
  constructor(private readonly offers: LicenceOffersService) {}

  @RpcHandler(ListLicenceOffers)
  async list(@Payload() _request: TenantScopedRequest, @CallerOf() caller: Caller): Promise<LicenceOfferListResponse> {
    return { items: await this.offers.list(caller.tenantId) };
  }

  @RpcHandler(GetLicenceOffer)
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<LicenceOfferView> {
    return this.offers.get(caller.tenantId, request.id);
  }
}
