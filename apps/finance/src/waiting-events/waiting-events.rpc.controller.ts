import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import { ListWaitingEvents, ListWaitingEventsRequest, WaitingEventListResponse } from '@libs/contracts';
import { WaitingEventsService } from './waiting-events.service';

/** What finance holds back for want of another fact, shown to the agency's finance team. */
@Controller()
export class WaitingEventsRpcController {
  constructor(private readonly waiting: WaitingEventsService) {}

  @RpcHandler(ListWaitingEvents)
  list(@Payload() request: ListWaitingEventsRequest, @CallerOf() caller: Caller): Promise<WaitingEventListResponse> {
    return this.waiting.list(caller.tenantId, request);
  }
}
