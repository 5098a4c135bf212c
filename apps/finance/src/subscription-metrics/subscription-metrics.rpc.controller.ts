import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Caller, CallerOf, RpcHandler } from '@libs/common';
import { GetSubscriptionMetrics, SubscriptionMetricsRequest, SubscriptionMetricsResponse } from '@libs/contracts';
import { SubscriptionMetricsService } from './subscription-metrics.service';

@Controller()
export class SubscriptionMetricsRpcController {
  constructor(private readonly metrics: SubscriptionMetricsService) {}

  @RpcHandler(GetSubscriptionMetrics)
  monthly(
    @Payload() request: SubscriptionMetricsRequest,
    @CallerOf() caller: Caller,
  ): Promise<SubscriptionMetricsResponse> {
    return this.metrics.monthly(caller.tenantId, request);
  }
}
