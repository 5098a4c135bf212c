import { Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { HealthDetails, ServiceMetrics } from '@libs/common';
import { SubscriptionsEnv } from '../config/subscriptions.config';
import { ProviderNotificationRepository } from './provider-notification.repository';

/**
 * How far processing lags behind what the provider sent, for alerts: the age of the oldest
 * unprocessed notification and the count given up on, as metrics; and the health answer turns
 * degraded, with the age, once the oldest has waited longer than `PROVIDER_NOTIFICATION_MAX_AGE_S`.
 */
@Injectable()
export class ProviderNotificationBacklog {
  constructor(
    stored: ProviderNotificationRepository,
    metrics: ServiceMetrics,
    health: HealthDetails,
    env: SubscriptionsEnv,
  ) {
    new Gauge({
      name: 'provider_notifications_oldest_unprocessed_age_seconds',
      help: 'Seconds the oldest provider notification not yet processed (nor given up on) has waited; 0 when none waits',
      registers: [metrics.registry],
      async collect() {
        this.set((await stored.oldestUnprocessedAgeSeconds()) ?? 0);
      },
    });
    new Gauge({
      name: 'provider_notifications_failed',
      help: 'Provider notifications given up on after days of retries, kept for npm run provider-notifications:replay',
      registers: [metrics.registry],
      async collect() {
        this.set(await stored.countFailed());
      },
    });
    const maxAgeS = env.PROVIDER_NOTIFICATION_MAX_AGE_S;
    health.add('providerNotifications', async () => {
      const age = await stored.oldestUnprocessedAgeSeconds();
      const failed = await stored.countFailed();
      return {
        status: age !== null && age >= maxAgeS ? 'degraded' : 'ok',
        oldestUnprocessedAgeSeconds: age === null ? 0 : Math.round(age),
        maxAgeSeconds: maxAgeS,
        failed,
      };
    });
  }
}
