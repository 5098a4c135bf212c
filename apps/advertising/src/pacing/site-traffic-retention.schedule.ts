import { Injectable } from '@nestjs/common';
import { RetentionRule, RetentionSchedule } from '@libs/common';
import { dayNumber, dayOfNumber } from '../calendar/agency-days';
import { AdvertisingEnv } from '../config/advertising.config';
import { SiteTrafficHourRepository } from './site-traffic-hour.repository';

/** Sites' hourly traffic deleted `SITE_TRAFFIC_RETENTION_DAYS` after its day (curves read the last 28 days). */
@Injectable()
export class SiteTrafficRetentionSchedule extends RetentionSchedule {
  protected readonly rules: RetentionRule[];

  constructor(traffic: SiteTrafficHourRepository, env: AdvertisingEnv) {
    super(env.RETENTION_SWEEP_INTERVAL_S * 1000);
    this.rules = [
      {
        what: 'site traffic hours',
        deleteBatch: (limit) => {
          const today = dayNumber(new Date().toISOString().slice(0, 10));
          return traffic.deleteBeforeDay(dayOfNumber(today - env.SITE_TRAFFIC_RETENTION_DAYS), limit);
        },
      },
    ];
  }
}
