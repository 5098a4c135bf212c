import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ByIdRequest,
  GetInvoice,
  InvoiceListResponse,
  InvoiceView,
  ListInvoices,
  ListInvoicesRequest,
} from '@libs/contracts';
import { InvoicesService } from './invoices.service';

@Controller()
export class InvoicesRpcController {
  constructor(private readonly invoices: InvoicesService) {}

  @RpcHandler(ListInvoices)
  list(@Payload() request: ListInvoicesRequest, @CallerOf() caller: Caller): Promise<InvoiceListResponse> {
    return this.invoices.list(caller.tenantId, request);
  }

  @RpcHandler(GetInvoice)
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<InvoiceView> {
    return this.invoices.get(caller.tenantId, request.id);
  }
}
