import { Injectable } from '@nestjs/common';
import { RetentionRule, RetentionSchedule } from '@libs/common';
import { PaymentsEnv } from '../config/payments.config';
import { StripeNotificationRepository } from './stripe-notification.repository';

/**
 * Stripe events' ids deleted `RAIL_NOTIFICATION_RETENTION_DAYS` after they arrived: they are
 * published in the transaction that stores them, and Stripe stops delivering an event after 3 days.
 */
@Injectable()
export class StripeNotificationRetentionSchedule extends RetentionSchedule {
  protected readonly rules: RetentionRule[];

  constructor(notifications: StripeNotificationRepository, env: PaymentsEnv) {
    super(env.RETENTION_SWEEP_INTERVAL_S * 1000);
    this.rules = [
      {
        what: 'received Stripe events',
        deleteBatch: (limit) => notifications.deleteReceivedBefore(env.RAIL_NOTIFICATION_RETENTION_DAYS, limit),
      },
    ];
  }
}
