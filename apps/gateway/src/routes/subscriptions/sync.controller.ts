import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Caller, RpcClient } from '@libs/common';
import { ProviderSyncJobView, StartProviderSync } from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';

/** Provider sync on demand: drift repair against Stripe as a job (it also runs hourly), watched at `sync-jobs`. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions/sync')
export class SubscriptionsSyncController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(202)
  @Access(StartProviderSync)
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
}
