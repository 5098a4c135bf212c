import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ByIdRequest,
  CreateLicenceOffer,
  CreateLicenceOfferRequest,
  GetLicenceOffer,
  GetLicenceOfferRevision,
  LicenceOfferListResponse,
  LicenceOfferRevisionListResponse,
  LicenceOfferRevisionRequest,
  LicenceOfferRevisionView,
  LicenceOfferView,
  ListLicenceOfferRevisions,
  ListLicenceOffers,
  PublishLicenceOffer,
  PublishLicenceOfferRequest,
  TenantScopedRequest,
  UpdateLicenceOffer,
  UpdateLicenceOfferRequest,
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

  @RpcHandler(CreateLicenceOffer)
  create(@Payload() request: CreateLicenceOfferRequest, @CallerOf() caller: Caller): Promise<LicenceOfferView> {
    return this.offers.create(caller.tenantId, request);
  }

  @RpcHandler(UpdateLicenceOffer)
  update(@Payload() request: UpdateLicenceOfferRequest, @CallerOf() caller: Caller): Promise<LicenceOfferView> {
    return this.offers.update(caller.tenantId, request);
  }

  @RpcHandler(PublishLicenceOffer)
  publish(
    @Payload() request: PublishLicenceOfferRequest,
    @CallerOf() caller: Caller,
  ): Promise<LicenceOfferRevisionView> {
    return this.offers.publish(caller.tenantId, request.id, request.basedOnDraftVersion);
  }

  @RpcHandler(ListLicenceOfferRevisions)
  async revisions(
    @Payload() request: ByIdRequest,
    @CallerOf() caller: Caller,
  ): Promise<LicenceOfferRevisionListResponse> {
    return { items: await this.offers.revisionsOf(caller.tenantId, request.id) };
  }

  @RpcHandler(GetLicenceOfferRevision)
  revision(
    @Payload() request: LicenceOfferRevisionRequest,
    @CallerOf() caller: Caller,
  ): Promise<LicenceOfferRevisionView> {
    return this.offers.revision(caller.tenantId, request.id, request.revision);
  }
}
