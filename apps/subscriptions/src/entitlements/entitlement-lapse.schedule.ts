import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeriodicTask, runWithContext } from '@libs/common';
import { SubscriptionsEnv } from '../config/subscriptions.config';
import { EntitlementsService } from './entitlements.service';
import { GrantSources } from './grant-sources';
import { ReaderEntitlementsRepository } from './reader-entitlements.repository';

const BATCH = 100;

/**
 * Grants that simply run out (a gift's months, a licence's end, a period nobody renewed) change
 * no row, so nothing would announce them. This sweep republishes every reader whose first grant
 * has lapsed, and (through the group licences' `AddressGrantSource`) the end of licences' address
 * grants, so consumers need not watch the clock.
 * Instances share the work (SKIP LOCKED); each row is republished once per lapse.
 */
@Injectable()
export class EntitlementLapseSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly schedule: PeriodicTask;

  constructor(
    private readonly dataSource: DataSource,
    private readonly entitlements: EntitlementsService,
    private readonly published: ReaderEntitlementsRepository,
    private readonly sources: GrantSources,
    env: SubscriptionsEnv,
  ) {
    this.schedule = new PeriodicTask('entitlement lapse sweep', env.ENTITLEMENT_LAPSE_SWEEP_S * 1000, () =>
      this.sweep(new Date()),
    );
  }

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.schedule.stop();
  }

  /** Republishes what lapsed at or before `now`; answers how many readers and licences. */
  async sweep(now: Date): Promise<{ readers: number; licences: number }> {
    return runWithContext({ requestId: `lapse-sweep:${now.toISOString()}`, actor: 'entitlement-lapses' }, async () => {
      let readers = 0;
      let licences = 0;
      for (let batch = BATCH; batch === BATCH; readers += batch) batch = await this.republishLapsedReaders(now);
      for (let batch = BATCH; batch === BATCH; licences += batch)
        batch = await this.sources.publishEndedAddressGrants(now, BATCH);
      return { readers, licences };
    });
  }

  private republishLapsedReaders(now: Date): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const due = await this.published.lockLapsed(tx, now, BATCH);
      for (const row of due) await this.entitlements.refresh(tx, row.tenant_id, row.reader_key, now);
      return due.length;
    });
  }
}
