import { Module } from '@nestjs/common';
import { SubscriptionMetricsRpcController } from './subscription-metrics.rpc.controller';
import { SubscriptionMetricsService } from './subscription-metrics.service';
import { SubscriptionStateRepository } from './subscription-state.repository';
import { SubscriptionStatesEventsController } from './subscription-states.events.controller';

/** Subscription metrics (MRR, churn) from the history of subscription states. */
@Module({
  controllers: [SubscriptionStatesEventsController, SubscriptionMetricsRpcController],
  providers: [SubscriptionMetricsService, SubscriptionStateRepository],
})
export class SubscriptionMetricsModule {}
