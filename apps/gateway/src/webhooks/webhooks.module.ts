import { Module } from '@nestjs/common';
import { ProviderNotificationForwarder } from './provider-notification-forwarder';
import { ProviderNotificationsController } from './provider-notifications.controller';

/** Provider notifications (`/v1/webhooks/<provider>/<agency>`), passed to subscriptions' receiver as received. */
@Module({ controllers: [ProviderNotificationsController], providers: [ProviderNotificationForwarder] })
export class WebhooksModule {}
