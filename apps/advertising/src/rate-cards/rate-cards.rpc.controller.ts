import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import { ByIdRequest, GetRateCard, PutRateCard, PutRateCardRequest, RateCardView } from '@libs/contracts';
import { RateCardsService } from './rate-cards.service';

@Controller()
export class RateCardsRpcController {
  constructor(private readonly cards: RateCardsService) {}

  @RpcHandler(PutRateCard)
  put(@Payload() request: PutRateCardRequest, @CallerOf() caller: Caller): Promise<RateCardView> {
    const { id, ...terms } = request;
    return this.cards.put(caller.tenantId, id, terms);
  }

  @RpcHandler(GetRateCard)
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<RateCardView> {
    return this.cards.get(caller.tenantId, request.id);
  }
}
