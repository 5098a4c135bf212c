import { Module } from '@nestjs/common';
import { DeliveryCountRepository } from './delivery-count.repository';
import { SiteTrafficHourRepository } from './site-traffic-hour.repository';
import { SiteTrafficRetentionSchedule } from './site-traffic-retention.schedule';

/** Pacing's inputs: sites' hourly traffic history (kept for a while) and lines' delivered counts (read only). */
@Module({
  providers: [DeliveryCountRepository, SiteTrafficHourRepository, SiteTrafficRetentionSchedule],
  exports: [DeliveryCountRepository, SiteTrafficHourRepository],
})
export class PacingModule {}
