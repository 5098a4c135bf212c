import { Module } from '@nestjs/common';
import { BillingSettingsModule } from '../billing-settings/billing-settings.module';
import { InvoicesModule } from '../invoices/invoices.module';
import { PaymentsModule } from '../payments/payments.module';
import { ReaderSubscriptionsModule } from '../reader-subscriptions/reader-subscriptions.module';
import { StripeAccountsModule } from '../stripe-accounts/stripe-accounts.module';
import { DunningCaseRepository } from './dunning-case.repository';
import { DunningCasesRpcController } from './dunning-cases.rpc.controller';
import { DunningCasesService } from './dunning-cases.service';
import { DunningRetrySchedule } from './dunning-retry.schedule';
import { DunningService } from './dunning.service';

/** Failed renewals chased on the agency's retry days, and what staff see of them. */
@Module({
  imports: [PaymentsModule, InvoicesModule, BillingSettingsModule, StripeAccountsModule, ReaderSubscriptionsModule],
  controllers: [DunningCasesRpcController],
  providers: [DunningService, DunningCasesService, DunningCaseRepository, DunningRetrySchedule],
  exports: [DunningService, DunningCaseRepository],
})
export class DunningModule {}
