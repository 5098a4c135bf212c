import { Module } from '@nestjs/common';
import { RailBillingModule } from '../rail-billing/rail-billing.module';
import { ReaderSubscriptionsModule } from '../reader-subscriptions/reader-subscriptions.module';
import { SubscriptionCancellationsRpcController } from './subscription-cancellations.rpc.controller';
import { SubscriptionCancellationsService } from './subscription-cancellations.service';

/** Cancelling a reader's subscription, at period end or now, whoever bills it. */
@Module({
  imports: [ReaderSubscriptionsModule, RailBillingModule],
  controllers: [SubscriptionCancellationsRpcController],
  providers: [SubscriptionCancellationsService],
})
export class CancellationsModule {}
