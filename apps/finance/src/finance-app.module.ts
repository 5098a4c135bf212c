import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule, ServiceInstance } from '@libs/common';
import { AccountingPeriodsModule } from './accounting-periods/accounting-periods.module';
import { AccountsModule } from './accounts/accounts.module';
import { AdvertisingModule } from './advertising/advertising.module';
import { financeSchema } from './database/finance.schema';
import { GiftsModule } from './gifts/gifts.module';
import { InvoicesModule } from './invoices/invoices.module';
import { LedgerModule } from './ledger/ledger.module';
import { LicensingModule } from './licensing/licensing.module';
import { PaymentsModule } from './payments/payments.module';
import { RecognitionModule } from './recognition/recognition.module';
import { ReconciliationModule } from './reconciliation/reconciliation.module';
import { RefundsAndDisputesModule } from './refunds-and-disputes/refunds-and-disputes.module';
import { ReportsModule } from './reports/reports.module';
import { SubscriptionMetricsModule } from './subscription-metrics/subscription-metrics.module';
import { TenantsModule } from './tenants/tenants.module';
import { WaitingEventsModule } from './waiting-events/waiting-events.module';

@Module({})
export class FinanceAppModule {
  static register(instance: ServiceInstance): DynamicModule {
    return {
      module: FinanceAppModule,
      imports: [
        ServiceCoreModule.forService({ ...instance, ...financeSchema }),
        TenantsModule,
        AccountsModule,
        LedgerModule,
        AccountingPeriodsModule,
        InvoicesModule,
        RefundsAndDisputesModule,
        GiftsModule,
        AdvertisingModule,
        LicensingModule,
        PaymentsModule,
        RecognitionModule,
        WaitingEventsModule,
        SubscriptionMetricsModule,
        ReportsModule,
        ReconciliationModule,
      ],
    };
  }
}
