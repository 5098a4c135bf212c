import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  AcceptMakeGoodAsCredit,
  AcceptMakeGoodAsLine,
  AcceptMakeGoodAsLineRequest,
  ByIdRequest,
  GetMakeGood,
  ListMakeGoods,
  ListMakeGoodsRequest,
  MakeGoodListResponse,
  MakeGoodView,
  RejectMakeGood,
  SettleMakeGoodRequest,
} from '@libs/contracts';
import { MakeGoodSettlementsService } from './make-good-settlements.service';
import { MakeGoodsService } from './make-goods.service';

@Controller()
export class MakeGoodsRpcController {
  constructor(
    private readonly makeGoods: MakeGoodsService,
    private readonly settlements: MakeGoodSettlementsService,
  ) {}

  @RpcHandler(ListMakeGoods)
  async list(@Payload() request: ListMakeGoodsRequest, @CallerOf() caller: Caller): Promise<MakeGoodListResponse> {
    return { items: await this.makeGoods.list(caller, request) };
  }

  @RpcHandler(GetMakeGood)
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<MakeGoodView> {
    return this.makeGoods.get(caller, request.id);
  }

  @RpcHandler(AcceptMakeGoodAsLine)
  acceptAsLine(@Payload() request: AcceptMakeGoodAsLineRequest, @CallerOf() caller: Caller): Promise<MakeGoodView> {
    const { id, ...terms } = request;
    return this.settlements.acceptAsLine(caller, id, terms);
  }

  @RpcHandler(AcceptMakeGoodAsCredit)
  acceptAsCredit(@Payload() request: SettleMakeGoodRequest, @CallerOf() caller: Caller): Promise<MakeGoodView> {
    return this.settlements.acceptAsCredit(caller, request.id, request.reason);
  }

  @RpcHandler(RejectMakeGood)
  reject(@Payload() request: SettleMakeGoodRequest, @CallerOf() caller: Caller): Promise<MakeGoodView> {
    return this.settlements.reject(caller, request.id, request.reason);
  }
}
