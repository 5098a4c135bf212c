import { Injectable } from '@nestjs/common';
import { RetentionRule, RetentionSchedule } from '@libs/common';
import { PaymentsEnv } from '../config/payments.config';
import { StripeNotificationRepository } from '../stripe/stripe-notification.repository';
import { RailNotificationRepository } from './rail-notification.repository';

/**
 * Notifications kept `RAIL_NOTIFICATION_RETENTION_DAYS`: a rail's after it was applied (never one
 * not applied); a Stripe event's id after it arrived (it is published in the transaction that
 * stores it, and Stripe stops delivering an event after three days).
 */
@Injectable()
export class NotificationRetentionSchedule extends RetentionSchedule {
  protected readonly rules: RetentionRule[];

  constructor(rails: RailNotificationRepository, stripe: StripeNotificationRepository, env: PaymentsEnv) {
    super(env.RETENTION_SWEEP_INTERVAL_S * 1000);
    const days = env.RAIL_NOTIFICATION_RETENTION_DAYS;
    this.rules = [
      { what: 'applied rail notifications', deleteBatch: (limit) => rails.deleteProcessedBefore(days, limit) },
      { what: 'received Stripe events', deleteBatch: (limit) => stripe.deleteReceivedBefore(days, limit) },
    ];
  }
}
