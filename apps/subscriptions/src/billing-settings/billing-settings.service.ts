import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFoundError } from '@libs/common';
import { BillingSettingsView, UpdateDunningRequest } from '@libs/contracts';
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

  async updateDunning(tenantId: string, request: UpdateDunningRequest): Promise<BillingSettingsView> {
    const retryDays = [...new Set(request.retryDays)].sort((a, b) => a - b);
    const updated = await this.settings.updateDunning(tenantId, { dunningRetryDays: retryDays, graceDays: request.graceDays, afterFinalFailure: request.afterFinalFailure });
    if (!updated) throw new NotFoundError('billing settings');
    return this.get(tenantId);
  }

  provisionDefaults(tx: EntityManager, tenantId: string, defaultCurrency: string): Promise<void> {
    return this.settings.insert(tx, defaultBillingSettingsFor(tenantId, defaultCurrency));
  }
}

function toView(settings: BillingSettings): BillingSettingsView {
  const { tenantId, defaultCurrency, dunningRetryDays, graceDays, afterFinalFailure } = settings;
  return { tenantId, defaultCurrency, dunning: { retryDays: dunningRetryDays, graceDays, afterFinalFailure } };
}
