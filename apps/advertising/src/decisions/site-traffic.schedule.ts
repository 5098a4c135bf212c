import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicTask } from '@libs/common';
import { AdvertisingEnv } from '../config/advertising.config';
import { SiteTrafficHourRepository } from '../pacing/site-traffic-hour.repository';
import { SiteTraffic } from './site-traffic';

/**
 * Adds the page requests this instance counted to the sites' hourly history every
 * `ADVERTISING_TRAFFIC_FLUSH_S` (one statement for all sites), and once more on shutdown.
 */
@Injectable()
export class SiteTrafficSchedule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly schedule: PeriodicTask;

  constructor(
    private readonly counted: SiteTraffic,
    private readonly history: SiteTrafficHourRepository,
    env: AdvertisingEnv,
  ) {
    this.schedule = new PeriodicTask('site traffic', env.ADVERTISING_TRAFFIC_FLUSH_S * 1000, () => this.flush());
  }

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.schedule.stop();
    await this.flush();
  }

  /** What was counted since the last flush, added to the sites' hours. */
  flush(): Promise<void> {
    return this.history.addPages(this.counted.drain());
  }
}
