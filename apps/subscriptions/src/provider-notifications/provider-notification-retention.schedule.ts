import { Injectable } from '@nestjs/common';
import { RetentionRule, RetentionSchedule } from '@libs/common';
import { SubscriptionsEnv } from '../config/subscriptions.config';
import { ProviderNotificationRepository } from './provider-notification.repository';

/** Provider notifications deleted `PROVIDER_NOTIFICATION_RETENTION_DAYS` after they were processed; never a pending or failed one. */
@Injectable()
export class ProviderNotificationRetentionSchedule extends RetentionSchedule {
  protected readonly rules: RetentionRule[];

  constructor(notifications: ProviderNotificationRepository, env: SubscriptionsEnv) {
    super(env.RETENTION_SWEEP_INTERVAL_S * 1000);
    this.rules = [
      {
        what: 'processed provider notifications',
        deleteBatch: (limit) => notifications.deleteProcessedBefore(env.PROVIDER_NOTIFICATION_RETENTION_DAYS, limit),
      },
    ];
  }
}
