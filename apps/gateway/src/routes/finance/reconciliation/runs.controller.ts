import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Caller, RpcClient } from '@libs/common';
import {
  GetReconciliationRun,
  ListReconciliationRuns,
  ListReconciliationRunsRequest,
  ReconciliationRunListResponse,
  ReconciliationRunView,
  StartReconciliationRun,
  StartReconciliationRunRequest,
} from '@libs/contracts';
import { ReconciliationListLimitQuery } from './reconciliation-list-limit.query';
import { Access } from '../../../access/access.decorator';
import { CallerFor } from '../../../access/caller-for.decorator';
import { UuidParam } from '../../../http/uuid-param.pipe';

/** Reconciliation runs: matching imported items against journal entries and bank lines. */
@ApiTags('finance')
@ApiBearerAuth()
@Controller('v1/finance/reconciliation/runs')
export class FinanceReconciliationRunsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(202)
  @Access(StartReconciliationRun)
  @ApiOperation({
    summary:
      'Start matching imported Stripe transactions against journal entries and payouts against bank lines, for items dated in [from, to) ' +
      '(default: all imported); answers the run at once, or the one already queued or running. Differences become exceptions',
  })
  @ApiAcceptedResponse({
    type: ReconciliationRunView,
    headers: {
      Location: { description: 'the run: `/v1/finance/reconciliation/runs/{id}`', schema: { type: 'string' } },
    },
  })
  async startRun(
    @Body() body: StartReconciliationRunRequest,
    @CallerFor() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const run = await this.rpc.request(StartReconciliationRun, body ?? {}, caller);
    void reply.header('location', `/v1/finance/reconciliation/runs/${run.id}`);
    return run;
  }

  @Get()
  @Access(ListReconciliationRuns)
  @ApiOperation({ summary: "The agency's reconciliation runs, newest first" })
  @ReconciliationListLimitQuery()
  @ApiOkResponse({ type: ReconciliationRunListResponse })
  listRuns(@Query() query: ListReconciliationRunsRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ListReconciliationRuns, query, caller);
  }

  @Get(':id')
  @Access(GetReconciliationRun)
  @ApiOkResponse({ type: ReconciliationRunView })
  getRun(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetReconciliationRun, { id }, caller);
  }
}
