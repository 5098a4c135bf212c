import { Module } from '@nestjs/common';
import { RailAccountsModule } from '../accounts/rail-accounts.module';
import { PaymentsModule } from '../payments/payments.module';
import { StripeModule } from '../stripe/stripe.module';
import { RailNotificationServer } from './rail-notification-server';
import { RailNotificationRepository } from './rail-notification.repository';
import { NotificationRetentionSchedule } from './notification-retention.schedule';
import { RailNotificationsService } from './rail-notifications.service';

/** The rails' notifications (and Stripe's, handed to StripeModule): received on the public port, verified, stored once, applied. */
@Module({
  imports: [RailAccountsModule, PaymentsModule, StripeModule],
  providers: [
    RailNotificationsService,
    RailNotificationRepository,
    RailNotificationServer,
    NotificationRetentionSchedule,
  ],
})
export class RailNotificationsModule {}
