import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ByIdRequest,
  CreatedGiftView,
  CreateGift,
  CreateGiftRequest,
  GetGift,
  GiftListResponse,
  GiftRedemptionView,
  GiftView,
  ListGifts,
  RedeemGift,
  RedeemGiftRequest,
  ReissueGiftCode,
  TenantScopedRequest,
} from '@libs/contracts';
import { GiftsService } from './gifts.service';

const READERS = ['admin', 'finance'];

@Controller()
export class GiftsRpcController {
  constructor(private readonly gifts: GiftsService) {}

  /** The agency's staff or its server (e.g. its shop, once the purchaser has paid). */
  @RpcHandler(CreateGift, { roles: ['admin', 'editor'] })
  create(@Payload() request: CreateGiftRequest, @CallerOf() caller: Caller): Promise<CreatedGiftView> {
    return this.gifts.create(caller.tenantId, request);
  }

  /** When the holder lost the code: staff send the new one themselves. */
  @RpcHandler(ReissueGiftCode, { roles: ['admin', 'editor'] })
  reissueCode(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<CreatedGiftView> {
    return this.gifts.reissueCode(caller.tenantId, request.id);
  }

  /** The agency's server, a reader page with the site key, or the gift page (its tenant found from the code). */
  @RpcHandler(RedeemGift, { roles: ['admin', 'editor', 'reader'] })
  redeem(@Payload() request: RedeemGiftRequest, @CallerOf() caller: Caller): Promise<GiftRedemptionView> {
    return this.gifts.redeem(caller.tenantId, request);
  }

  @RpcHandler(ListGifts, { roles: READERS })
  async list(@Payload() _request: TenantScopedRequest, @CallerOf() caller: Caller): Promise<GiftListResponse> {
    return { items: await this.gifts.list(caller.tenantId) };
  }

  @RpcHandler(GetGift, { roles: READERS })
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<GiftView> {
    return this.gifts.get(caller.tenantId, request.id);
  }
}
