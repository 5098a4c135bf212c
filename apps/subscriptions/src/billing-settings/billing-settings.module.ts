import { Module } from '@nestjs/common';
import { BillingSettingsRepository } from './billing-settings.repository';
import { BillingSettingsRpcController } from './billing-settings.rpc.controller';
import { BillingSettingsService } from './billing-settings.service';

/** An agency's billing defaults: its currency and its dunning policy. */
@Module({
  controllers: [BillingSettingsRpcController],
  providers: [BillingSettingsService, BillingSettingsRepository],
  exports: [BillingSettingsService, BillingSettingsRepository],
})
export class BillingSettingsModule {}
