import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventOutbox, PeriodicTask, runWithContext } from '@libs/common';
import { GiftExpired } from '@libs/contracts';
import { SubscriptionsEnv } from '../config/subscriptions.config';
import { GiftRepository } from './gift.repository';

const BATCH = 100;

/**
 * Records gifts that passed their redemption deadline unredeemed, once each, with GiftExpired
 * for finance (breakage). Runs on a schedule over all agencies; instances share the work
 * (`SKIP LOCKED`) and a gift being redeemed at that moment is left to its redemption.
 */
@Injectable()
export class GiftExpirySchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly schedule: PeriodicTask;

  constructor(
    private readonly dataSource: DataSource,
    private readonly gifts: GiftRepository,
    private readonly outbox: EventOutbox,
    env: SubscriptionsEnv,
  ) {
    this.schedule = new PeriodicTask('gift expiry sweep', env.GIFT_EXPIRY_SWEEP_MINUTES * 60_000, () =>
      this.expireDue(),
    );
  }

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.schedule.stop();
  }

  /** Expires every gift whose deadline is at or before `at` (now, unless a test names another instant); answers how many. */
  async expireDue(at: Date = new Date()): Promise<number> {
    return runWithContext({ requestId: `gift-expiry:${at.toISOString()}`, actor: 'gift-expiry-sweep' }, async () => {
      let expired = 0;
      for (;;) {
        const batch = await this.dataSource.transaction(async (tx) => {
          const due = await this.gifts.lockDueForExpiry(tx, at, BATCH);
          for (const gift of due) {
            await this.outbox.add(tx, GiftExpired, {
              tenantId: gift.tenantId,
              subject: gift.id,
              time: gift.redeemBy,
              data: {
                giftId: gift.id,
                planId: gift.planId,
                productId: gift.productId,
                months: gift.months,
                providerCheckoutId: gift.providerCheckoutId,
                ...(gift.paymentId ? { paymentId: gift.paymentId } : {}),
                expiredAt: gift.redeemBy.toISOString(),
              },
            });
          }
          await this.gifts.markExpiryRecorded(
            tx,
            due.map((gift) => gift.id),
            at,
          );
          return due.length;
        });
        expired += batch;
        if (batch < BATCH) return expired;
      }
    });
  }
}
