import { Controller, Get, HttpCode, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import { EntitlementsQuery, EntitlementsView, GetEntitlements } from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';

/** What a reader or an IP address may use now, until when and why. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions/entitlements')
export class SubscriptionsEntitlementsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @HttpCode(200)
  @Access(GetEntitlements)
  @ApiOperation({
    summary:
      "A reader's (readerId or email) or an IP address's active entitlements now, until when and why (subscription, gift, group)",
  })
  @ApiOkResponse({ type: EntitlementsView })
  entitlements(@Query() query: EntitlementsQuery, @CallerFor() caller: Caller) {
    return this.rpc.request(GetEntitlements, query, caller);
  }
}
