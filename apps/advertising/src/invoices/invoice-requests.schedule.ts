import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '@libs/common';
import { InvoiceRefundsService } from './invoice-refunds.service';
import { PayLinksService } from './pay-links.service';

/** How often each instance asks the payments service again for what it could not ask at once. */
const EVERY_MS = 60_000;

/**
 * Pay links of prepaid invoices and refunds due that the payments service could not be asked for
 * when they arose (away, or its answer lost): asked again, each under its own key, so asking twice
 * makes one payment and one refund.
 */
@Injectable()
export class InvoiceRequestsSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly schedule = new PeriodicTask('invoice requests', EVERY_MS, () => this.askAgain());

  constructor(
    private readonly payLinks: PayLinksService,
    private readonly refunds: InvoiceRefundsService,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.schedule.stop();
  }

  async askAgain(): Promise<void> {
    await this.payLinks.askMissing();
    await this.refunds.askAllDue();
  }
}
