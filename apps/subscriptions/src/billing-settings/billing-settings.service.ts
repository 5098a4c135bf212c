import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFoundError } from '@libs/common';
import { BillingSettingsView } from '@libs/contracts';
import { BillingSettings } from './billing-settings.entity';
import { BillingSettingsRepository } from './billing-settings.repository';
import { defaultBillingSettingsFor } from './default-billing-settings';

@Injectable()
export class BillingSettingsService {
  constructor(private readonly settings: BillingSettingsRepository) {}

  async get(tenantId: string): Promise<BillingSettingsView> {
    const settings = await this.settings.findOfTenant(tenantId);
    if (!settings) throw new NotFoundError('billing settings');
    return toView(settings);
  }

  provisionDefaults(tx: EntityManager, tenantId: string, defaultCurrency: string): Promise<void> {
    return this.settings.insert(tx, defaultBillingSettingsFor(tenantId, defaultCurrency));
  }
}

function toView(settings: BillingSettings): BillingSettingsView {
  const { tenantId, defaultCurrency, dunningRetryDays, graceDays, afterFinalFailure } = settings;
  return { tenantId, defaultCurrency, dunning: { retryDays: dunningRetryDays, graceDays, afterFinalFailure } };
}
