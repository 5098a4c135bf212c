import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BillingSettings } from './billing-settings.entity';

@Injectable()
export class BillingSettingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findOfTenant(tenantId: string, tx: EntityManager = this.dataSource.manager): Promise<BillingSettings | null> {
    return tx.getRepository(BillingSettings).findOne({ where: { tenantId } });
  }

  lockOfTenant(tx: EntityManager, tenantId: string): Promise<BillingSettings | null> {
    return tx.getRepository(BillingSettings).findOne({ where: { tenantId }, lock: { mode: 'pessimistic_write' } });
  }

  async updateDunning(
    tx: EntityManager,
    tenantId: string,
    dunning: Pick<BillingSettings, 'dunningRetryDays' | 'graceDays' | 'afterFinalFailure'>,
  ): Promise<void> {
    await tx.getRepository(BillingSettings).update({ tenantId }, dunning);
  }

  async updateRenewalNotice(tx: EntityManager, tenantId: string, renewalNoticeDays: number): Promise<void> {
    await tx.getRepository(BillingSettings).update({ tenantId }, { renewalNoticeDays });
  }

  async insert(tx: EntityManager, settings: BillingSettings): Promise<void> {
    await tx.getRepository(BillingSettings).insert(settings);
  }
}
