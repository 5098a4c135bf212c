import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule, ServiceInstance } from '@libs/common';
import { RailAccountsModule } from './accounts/rail-accounts.module';
import { paymentsSchema } from './database/payments.schema';
import { RailNotificationsModule } from './notifications/rail-notifications.module';
import { PaymentsModule } from './payments/payments.module';
import { PaymentRefundsModule } from './refunds/payment-refunds.module';
import { AttemptStatusModule } from './status-queries/attempt-status.module';
import { StripeModule } from './stripe/stripe.module';
import { TenantsModule } from './tenants/tenants.module';

@Module({})
export class PaymentsAppModule {
  static register(instance: ServiceInstance): DynamicModule {
    return {
      module: PaymentsAppModule,
      imports: [
        ServiceCoreModule.forService({ ...instance, ...paymentsSchema }),
        TenantsModule,
        RailAccountsModule,
        PaymentsModule,
        RailNotificationsModule,
        PaymentRefundsModule,
        AttemptStatusModule,
        StripeModule,
      ],
    };
  }
}
