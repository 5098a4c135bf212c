import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask, runWithContext } from '@libs/common';
import { SuiteDunningService } from './suite-dunning.service';
import { SuiteRenewalsService } from './suite-renewals.service';

/** Renewals are due on days; looking once a minute is plenty. */
const INTERVAL_MS = 60_000;

export interface SuiteBillingRun {
  /** Subscriptions moved: renewals billed, periods ended (cancelled or past due). */
  subscriptions: number;
  /** Pay links asked for and sent to the agency's mailer. */
  payLinks: number;
  /** Dunning cases moved: upgrades failed when due, reminders, waits and lapses. */
  dunningCases: number;
}

/**
 * The suite's own billing engine on the clock, for the subscriptions it bills: renewals billed,
 * their pay links asked for and sent, periods ended, upgrades unpaid when due failed, dunning
 * reminders and lapses. Every instance
 * runs it; they share the work (rows locked with SKIP LOCKED, one renewal per period, a pay link
 * kept once).
 */
@Injectable()
export class SuiteBillingSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly schedule = new PeriodicTask('suite billing', INTERVAL_MS, () => this.runDue(new Date()));

  constructor(
    private readonly renewals: SuiteRenewalsService,
    private readonly dunning: SuiteDunningService,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.schedule.stop();
  }

  /** Makes everything due at `now` (the clock, unless a test names another instant). */
  async runDue(now: Date = new Date()): Promise<SuiteBillingRun> {
    const requestId = `suite-billing:${now.toISOString()}`;
    return runWithContext({ requestId, actor: 'suite-billing' }, async () => {
      const subscriptions = await this.renewals.stepDue(now);
      const payLinks = await this.renewals.requestPayLinks(now, requestId);
      const dunningCases = (await this.dunning.failUpgradesUnpaidWhenDue(now)) + (await this.dunning.chaseDue(now));
      return { subscriptions, payLinks, dunningCases };
    });
  }
}
