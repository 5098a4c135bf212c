import { Module } from '@nestjs/common';
import { CheckoutsModule } from '../checkouts/checkouts.module';
import { CustomersModule } from '../customers/customers.module';
import { DunningModule } from '../dunning/dunning.module';
import { GiftsModule } from '../gifts/gifts.module';
import { InvoicesModule } from '../invoices/invoices.module';
import { PaymentsModule } from '../payments/payments.module';
import { ReaderSubscriptionsModule } from '../reader-subscriptions/reader-subscriptions.module';
import { RefundsAndDisputesModule } from '../refunds-and-disputes/refunds-and-disputes.module';
import { StripeAccountsModule } from '../stripe-accounts/stripe-accounts.module';
import { ProviderNotificationBacklog } from './provider-notification-backlog';
import { ProviderNotificationRepository } from './provider-notification.repository';
import { ProviderNotificationRetentionSchedule } from './provider-notification-retention.schedule';
import { ProviderNotificationRunner } from './provider-notification.runner';
import { ProviderNotificationsEventsController } from './provider-notifications.events.controller';
import { ProviderNotificationsService } from './provider-notifications.service';

/** Provider notifications: received from payments, stored once, then applied by the runner. */
@Module({
  controllers: [ProviderNotificationsEventsController],
  imports: [
    StripeAccountsModule,
    PaymentsModule,
    ReaderSubscriptionsModule,
    InvoicesModule,
    CustomersModule,
    RefundsAndDisputesModule,
    DunningModule,
    GiftsModule,
    CheckoutsModule,
  ],
  providers: [
    ProviderNotificationsService,
    ProviderNotificationRepository,
    ProviderNotificationRunner,
    ProviderNotificationBacklog,
    ProviderNotificationRetentionSchedule,
  ],
})
export class ProviderNotificationsModule {}
