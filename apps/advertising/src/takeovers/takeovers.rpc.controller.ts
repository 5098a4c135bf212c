import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  BookTakeover,
  BookTakeoverRequest,
  OrderView,
  ProposedTakeover,
  QuoteTakeover,
  TakeoverQuoteView,
} from '@libs/contracts';
import { TakeoversService } from './takeovers.service';

@Controller()
export class TakeoversRpcController {
  constructor(private readonly takeovers: TakeoversService) {}

  @RpcHandler(QuoteTakeover)
  quote(@Payload() request: ProposedTakeover, @CallerOf() caller: Caller): Promise<TakeoverQuoteView> {
    return this.takeovers.quote(caller, request);
  }

  @RpcHandler(BookTakeover)
  book(@Payload() request: BookTakeoverRequest, @CallerOf() caller: Caller): Promise<OrderView> {
    return this.takeovers.book(caller, request);
  }
}
