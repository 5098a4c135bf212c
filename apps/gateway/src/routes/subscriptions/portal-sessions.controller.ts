import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import { CreatePortal, CreatePortalRequest, PortalView } from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';

/** Sessions of the provider's customer portal. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions/portal-sessions')
export class SubscriptionsPortalSessionsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Access(CreatePortal)
  @ApiCreatedResponse({ type: PortalView })
  portal(@Body() body: CreatePortalRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(CreatePortal, body, caller);
  }
}
