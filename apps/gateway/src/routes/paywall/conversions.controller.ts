import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import { ConversionListResponse, ListConversions, ListConversionsRequest } from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';

/** The subscriptions paywall decisions converted. */
@ApiTags('paywall')
@ApiBearerAuth()
@Controller('v1/paywall/conversions')
export class PaywallConversionsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(ListConversions)
  @ApiOperation({
    summary: 'Subscriptions attributed to paywall decisions (article, offer, experiment arm), oldest first',
  })
  @ApiQuery({ name: 'from', required: false, type: String, description: 'ISO 8601, inclusive' })
  @ApiQuery({ name: 'to', required: false, type: String, description: 'ISO 8601, exclusive' })
  @ApiOkResponse({ type: ConversionListResponse })
  listConversions(@Query() query: ListConversionsRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ListConversions, query, caller);
  }
}
