import { Module } from '@nestjs/common';
import { ProviderNotificationsController } from './provider-notifications.controller';

/** Provider notifications (`/v1/webhooks/<provider>/<agency>`), passed to subscriptions as received. */
@Module({ controllers: [ProviderNotificationsController] })
export class WebhooksModule {}
