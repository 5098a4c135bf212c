import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import { DeliveryReportRequest, DeliveryReportView, GetDeliveryReport } from '@libs/contracts';
import { DeliveryReportsService } from './delivery-reports.service';

@Controller()
export class DeliveryReportsRpcController {
  constructor(private readonly reports: DeliveryReportsService) {}

  @RpcHandler(GetDeliveryReport)
  get(@Payload() request: DeliveryReportRequest, @CallerOf() caller: Caller): Promise<DeliveryReportView> {
    return this.reports.report(caller, request);
  }
}
