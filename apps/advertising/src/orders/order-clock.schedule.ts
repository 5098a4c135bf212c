import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '@libs/common';
import { OrderTransitionsService } from './order-transitions.service';

/** How often each instance looks for orders the clock moves on (holds expired, flights begun or ended). */
const EVERY_MS = 30_000;

/**
 * Cancels orders whose hold expired unapproved (their held impressions go back on sale) and
 * prepaid orders unpaid at their pay-by (their sold days go back on sale), and moves approved
 * orders live when their flight begins (a prepaid one once paid) and live ones completed when it
 * ends. Every instance sweeps; each order is claimed by one (FOR UPDATE SKIP LOCKED).
 */
@Injectable()
export class OrderClockSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly schedule = new PeriodicTask('order clock', EVERY_MS, () => this.transitions.sweep());

  constructor(private readonly transitions: OrderTransitionsService) {}

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.schedule.stop();
  }
}
