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
  ListGiftsRequest,
  RedeemGift,
  RedeemGiftRequest,
  ReissueGiftCode,
} from '@libs/contracts';
import { GiftsService } from './gifts.service';

@Controller()
export class GiftsRpcController {
  constructor(private readonly gifts: GiftsService) {}

  /** The agency's staff or its server (e.g. its shop, once the purchaser has paid). */
  @RpcHandler(CreateGift)
  create(@Payload() request: CreateGiftRequest, @CallerOf() caller: Caller): Promise<CreatedGiftView> {
    return this.gifts.create(caller.tenantId, request);
  }

  /** When the holder lost the code: staff send the new one themselves. */
  @RpcHandler(ReissueGiftCode)
  reissueCode(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<CreatedGiftView> {
    return this.gifts.reissueCode(caller.tenantId, request.id);
  }

  /** The agency's server, a reader page with the site key, or the gift page (its tenant found from the code). */
  @RpcHandler(RedeemGift)
  redeem(@Payload() request: RedeemGiftRequest, @CallerOf() caller: Caller): Promise<GiftRedemptionView> {
    return this.gifts.redeem(caller.tenantId, request);
  }

  @RpcHandler(ListGifts)
  list(@Payload() request: ListGiftsRequest, @CallerOf() caller: Caller): Promise<GiftListResponse> {
    return this.gifts.list(caller.tenantId, request);
  }

  @RpcHandler(GetGift)
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<GiftView> {
    return this.gifts.get(caller.tenantId, request.id);
  }
}
