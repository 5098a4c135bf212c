import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  DunningCaseListResponse,
  DunningCaseView,
  GetDunningCase,
  GetInvoice,
  InvoiceListResponse,
  InvoiceView,
  ListDunningCases,
  ListDunningCasesRequest,
  ListInvoices,
  ListInvoicesRequest,
} from '@libs/contracts';
import { Access } from '../auth/access.decorator';
import { CallerFor } from '../auth/current-principal.decorator';
import { UuidParam } from '../http/uuid-param.pipe';

/** Subscription invoices (billed and collected) and dunning cases (failed renewals being retried). */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions')
export class SubscriptionBillingController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('invoices')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOperation({
    summary:
      "Subscription invoices, newest first: `subscriptionId`, `status` (open, paid, void, uncollectible), `limit` (1-100), `before` (the previous page's `nextBefore`)",
  })
  @ApiOkResponse({ type: InvoiceListResponse })
  listInvoices(@Query() query: ListInvoicesRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ListInvoices, query, caller);
  }

  @Get('invoices/:id')
  @Access({ roles: ['admin', 'finance'] })
  @ApiOkResponse({ type: InvoiceView })
  getInvoice(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetInvoice, { id }, caller);
  }

  @Get('dunning-cases')
  @Access({ roles: ['admin', 'editor', 'finance'] })
  @ApiOperation({
    summary:
      'Failed renewals the suite is retrying, newest first: `status` (open by default, recovered, exhausted, closed), `limit` (1-100), `before`',
  })
  @ApiOkResponse({ type: DunningCaseListResponse })
  listDunningCases(@Query() query: ListDunningCasesRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ListDunningCases, query, caller);
  }

  @Get('dunning-cases/:id')
  @Access({ roles: ['admin', 'editor', 'finance'] })
  @ApiOkResponse({ type: DunningCaseView })
  getDunningCase(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetDunningCase, { id }, caller);
  }
}
