import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BillingSettings } from './billing-settings.entity';

@Injectable()
export class BillingSettingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findOfTenant(tenantId: string): Promise<BillingSettings | null> {
    return this.dataSource.getRepository(BillingSettings).findOne({ where: { tenantId } });
  }

  async updateDunning(tenantId: string, dunning: Pick<BillingSettings, 'dunningRetryDays' | 'graceDays' | 'afterFinalFailure'>): Promise<boolean> {
    const result = await this.dataSource.getRepository(BillingSettings).update({ tenantId }, dunning);
    return (result.affected ?? 0) > 0;
  }

  async insert(tx: EntityManager, settings: BillingSettings): Promise<void> {
    await tx.getRepository(BillingSettings).insert(settings);
  }
}
