import { Module } from '@nestjs/common';
import { RailBillingModule } from '../rail-billing/rail-billing.module';
import { ReaderSubscriptionsModule } from '../reader-subscriptions/reader-subscriptions.module';
import { PlanChangesRpcController } from './plan-changes.rpc.controller';
import { PlanChangesService } from './plan-changes.service';

/** Moving a reader's subscription to another plan (preview, apply, cancel a pending change), whoever bills it. */
@Module({
  imports: [ReaderSubscriptionsModule, RailBillingModule],
  controllers: [PlanChangesRpcController],
  providers: [PlanChangesService],
})
export class PlanChangesModule {}
