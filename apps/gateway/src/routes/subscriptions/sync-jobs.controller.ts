import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  GetProviderSyncJob,
  ListProviderSyncJobs,
  ListProviderSyncJobsRequest,
  ProviderSyncJobListResponse,
  ProviderSyncJobView,
  SYNC_JOB_LIST_LIMIT,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { UuidParam } from '../../http/uuid-param.pipe';

/** Provider sync jobs, watched until they end. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions/sync-jobs')
export class SubscriptionsSyncJobsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(ListProviderSyncJobs)
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

  @Get(':id')
  @Access(GetProviderSyncJob)
  @ApiOperation({
    summary:
      'A sync job: status, phase, objects processed (percent once the total is known), rate, result counts, error',
  })
  @ApiOkResponse({ type: ProviderSyncJobView })
  get(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetProviderSyncJob, { id }, caller);
  }
}
