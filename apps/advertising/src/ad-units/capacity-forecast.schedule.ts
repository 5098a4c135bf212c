import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '@libs/common';
import { UnitCapacityService } from './unit-capacity.service';

/** How often each instance looks for forecasts to remake. */
const EVERY_MS = 3_600_000;

/**
 * Remakes, about daily, the capacity forecasts of units in forecast mode from their delivery up
 * to yesterday. Instances may both remake one; the last write wins with the same figures.
 */
@Injectable()
export class CapacityForecastSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly schedule = new PeriodicTask('capacity forecasts', EVERY_MS, () => this.capacity.refreshForecasts());

  constructor(private readonly capacity: UnitCapacityService) {}

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.schedule.stop();
  }
}
