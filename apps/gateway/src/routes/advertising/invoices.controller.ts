import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RpcClient } from '@libs/common';
import {
  AdInvoiceListResponse,
  AdInvoiceView,
  GetAdInvoice,
  ListAdInvoices,
  ListAdInvoicesRequest,
} from '@libs/contracts';
import { Access } from '../../access/access.decorator';
import { CallerFor } from '../../access/caller-for.decorator';
import { UuidParam } from '../../http/uuid-param.pipe';

/** Orders' invoices: issued at approval, paid on a pay link or by bank transfer, credited when canceled. */
@ApiTags('advertising')
@ApiBearerAuth()
@Controller('v1/advertising/invoices')
export class AdvertisingInvoicesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access(ListAdInvoices)
  @ApiOperation({
    summary:
      "Invoices, newest first (100 at most), by status, advertiser or order; an advertiser's key sees only its own",
  })
  @ApiOkResponse({ type: AdInvoiceListResponse })
  listInvoices(@Query() query: ListAdInvoicesRequest, @CallerFor() caller: Caller) {
    return this.rpc.request(ListAdInvoices, query, caller);
  }

  @Get(':id')
  @Access(GetAdInvoice)
  @ApiOperation({
    summary:
      'One invoice: bookings, VAT, due day, the transfer reference a bank transfer must name, the pay link (prepay), payments and refunds',
  })
  @ApiOkResponse({ type: AdInvoiceView })
  getInvoice(@Param('id', UuidParam) id: string, @CallerFor() caller: Caller) {
    return this.rpc.request(GetAdInvoice, { id }, caller);
  }
}
