import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  DunningCaseListResponse,
  DunningCaseView,
  GetDunningCase,
  ListDunningCases,
  ListDunningCasesRequest,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { UuidParam } from '../../http/uuid-param.pipe';

/** Dunning cases: failed renewals being retried. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions/dunning-cases')
export class SubscriptionsDunningCasesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(ListDunningCases)
  @ApiOperation({
    summary:
      'Failed renewals the suite is retrying, newest first: `status` (open by default, recovered, exhausted, closed), `limit` (1-100), `before`',
  })
  @ApiOkResponse({ type: DunningCaseListResponse })
  listDunningCases(@Query() query: ListDunningCasesRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ListDunningCases, query, caller);
  }

  @Get(':id')
  @Access(GetDunningCase)
  @ApiOkResponse({ type: DunningCaseView })
  getDunningCase(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetDunningCase, { id }, caller);
  }
}
