import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import { ListWaitingEvents, ListWaitingEventsRequest, WaitingEventListResponse } from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';

/** Money events finance holds back until what they depend on arrives. */
@ApiTags('finance')
@ApiBearerAuth()
@Controller('v1/finance/waiting-events')
export class FinanceWaitingEventsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(ListWaitingEvents)
  @ApiOperation({
    summary:
      'Money events not in the books yet, each waiting for the fact it depends on (a refund for its charge, a void for its invoice), longest waiting first: `limit`, `after`',
  })
  @ApiOkResponse({ type: WaitingEventListResponse })
  listWaitingEvents(@Query() query: ListWaitingEventsRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ListWaitingEvents, query, caller);
  }
}
