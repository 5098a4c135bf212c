import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeriodicTask, runWithContext } from '@libs/common';
import { SubscriptionsEnv } from '../config/subscriptions.config';
import { AddressGrantsService } from './address-grants.service';
import { GroupLicence } from '../group-licences/group-licence.entity';
import { EntitlementsService } from './entitlements.service';

const BATCH = 100;

/**
 * Grants that simply run out (a gift's months, a licence's end, a period nobody renewed) change
 * no row, so nothing would announce them. This sweep republishes every reader whose first grant
 * has lapsed, and the end of licences' address grants, so consumers need not watch the clock.
 * Instances share the work (SKIP LOCKED); each row is republished once per lapse.
 */
@Injectable()
export class EntitlementLapseSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly schedule: PeriodicTask;

  constructor(
    private readonly dataSource: DataSource,
    private readonly entitlements: EntitlementsService,
    private readonly addressGrants: AddressGrantsService,
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
      for (let batch = BATCH; batch === BATCH; licences += batch) batch = await this.endLapsedAddressGrants(now);
      return { readers, licences };
    });
  }

  private republishLapsedReaders(now: Date): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const due: { tenant_id: string; reader_key: string }[] = await tx.query(
        `SELECT tenant_id, reader_key FROM subscriptions.reader_entitlements
          WHERE lapses_at <= $1 ORDER BY lapses_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [now],
      );
      for (const row of due) await this.entitlements.refresh(tx, row.tenant_id, row.reader_key, now);
      return due.length;
    });
  }

  private endLapsedAddressGrants(now: Date): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const due = await tx
        .getRepository(GroupLicence)
        .createQueryBuilder('licence')
        .where(
          'licence.validUntil <= :now AND licence.addressGrantsEndedAt IS NULL AND licence.addressGrantsVersion > 0',
          { now },
        )
        .orderBy('licence.validUntil')
        .limit(BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const licence of due) await this.addressGrants.publish(tx, licence, now);
      return due.length;
    });
  }
}
