import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import {
  ByIdRequest,
  GetAdInvoice,
  AdInvoiceListResponse,
  AdInvoiceView,
  ListAdInvoices,
  ListAdInvoicesRequest,
} from '@libs/contracts';
import { InvoicesService } from './invoices.service';

@Controller()
export class InvoicesRpcController {
  constructor(private readonly invoices: InvoicesService) {}

  @RpcHandler(ListAdInvoices)
  async list(@Payload() request: ListAdInvoicesRequest, @CallerOf() caller: Caller): Promise<AdInvoiceListResponse> {
    return { items: await this.invoices.list(caller, request) };
  }

  @RpcHandler(GetAdInvoice)
  get(@Payload() request: ByIdRequest, @CallerOf() caller: Caller): Promise<AdInvoiceView> {
    return this.invoices.get(caller, request.id);
  }
}
