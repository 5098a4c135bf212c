import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Caller, RpcClient } from '@libs/common';
import {
  GetProviderSyncJob,
  ListProviderSyncJobs,
  ListProviderSyncJobsRequest,
  ProviderSyncJobListResponse,
  ProviderSyncJobView,
  StartProviderSync,
  SYNC_JOB_LIST_LIMIT,
} from '@libs/contracts';
import { Access } from '../auth/access.decorator';
import { CallerFor } from '../auth/current-principal.decorator';
import { UuidParam } from '../http/uuid-param.pipe';

/** Drift repair against Stripe as a job: started here (or hourly), watched until it ends. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions')
export class ProviderSyncJobsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('sync')
  @HttpCode(202)
  @Access({ roles: ['admin', 'finance'] })
  @ApiOperation({
    summary:
      'Start re-reading subscriptions and recent paid invoices from Stripe to repair drift (also runs hourly); answers the job at once, ' +
      'or, when one is already queued or running, that job instead of a second. Follow `Location` until `status` is succeeded or failed',
  })
  @ApiAcceptedResponse({
    type: ProviderSyncJobView,
    headers: { Location: { description: 'the job: `/v1/subscriptions/sync-jobs/{id}`', schema: { type: 'string' } } },
  })
  async start(@CallerFor() caller: Caller, @Res({ passthrough: true }) reply: FastifyReply) {
    const job = await this.rpc.request(StartProviderSync, {}, caller);
    void reply.header('location', `/v1/subscriptions/sync-jobs/${job.id}`);
    return job;
  }

  @Get('sync-jobs')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOperation({ summary: "The agency's sync jobs, newest first" })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: SYNC_JOB_LIST_LIMIT.max, default: SYNC_JOB_LIST_LIMIT.default },
  })
  @ApiOkResponse({ type: ProviderSyncJobListResponse })
  list(@Query() query: ListProviderSyncJobsRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ListProviderSyncJobs, query, caller);
  }

  @Get('sync-jobs/:id')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOperation({
    summary:
      'A sync job: status, phase, objects processed (percent once the total is known), rate, result counts, error',
  })
  @ApiOkResponse({ type: ProviderSyncJobView })
  get(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetProviderSyncJob, { id }, caller);
  }
}
