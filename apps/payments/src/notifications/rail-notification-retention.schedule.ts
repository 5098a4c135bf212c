import { Injectable } from '@nestjs/common';
import { RetentionRule, RetentionSchedule } from '@libs/common';
import { PaymentsEnv } from '../config/payments.config';
import { RailNotificationRepository } from './rail-notification.repository';

/** Rail notifications deleted `RAIL_NOTIFICATION_RETENTION_DAYS` after they were applied; never one not applied. */
@Injectable()
export class RailNotificationRetentionSchedule extends RetentionSchedule {
  protected readonly rules: RetentionRule[];

  constructor(notifications: RailNotificationRepository, env: PaymentsEnv) {
    super(env.RETENTION_SWEEP_INTERVAL_S * 1000);
    this.rules = [
      {
        what: 'applied rail notifications',
        deleteBatch: (limit) => notifications.deleteProcessedBefore(env.RAIL_NOTIFICATION_RETENTION_DAYS, limit),
      },
    ];
  }
}
