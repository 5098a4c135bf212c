import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import { GetInvoice, InvoiceListResponse, InvoiceView, ListInvoices, ListInvoicesRequest } from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { UuidParam } from '../../http/uuid-param.pipe';

/** Subscription invoices, billed and collected. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions/invoices')
export class SubscriptionsInvoicesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(ListInvoices)
  @ApiOperation({
    summary:
      "Subscription invoices, newest first: `subscriptionId`, `status` (open, paid, void, uncollectible), `limit` (1-100), `before` (the previous page's `nextBefore`)",
  })
  @ApiOkResponse({ type: InvoiceListResponse })
  listInvoices(@Query() query: ListInvoicesRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ListInvoices, query, caller);
  }

  @Get(':id')
  @Access(GetInvoice)
  @ApiOkResponse({ type: InvoiceView })
  getInvoice(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetInvoice, { id }, caller);
  }
}
