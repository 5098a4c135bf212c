import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, NotFoundError } from '@libs/common';
import { BillingSettingsView, UpdateDunningRequest, UpdateRenewalNoticeRequest } from '@libs/contracts';
import { BillingSettings } from './billing-settings.entity';
import { BillingSettingsRepository } from './billing-settings.repository';
import { defaultBillingSettingsFor } from './default-billing-settings';

@Injectable()
export class BillingSettingsService {
  constructor(
    private readonly settings: BillingSettingsRepository,
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async get(tenantId: string): Promise<BillingSettingsView> {
    const settings = await this.settings.findOfTenant(tenantId);
    if (!settings) throw new NotFoundError('billing settings');
    return toView(settings);
  }

  async updateDunning(tenantId: string, request: UpdateDunningRequest): Promise<BillingSettingsView> {
    const retryDays = [...new Set(request.retryDays)].sort((a, b) => a - b);
    return this.dataSource.transaction(async (tx) => {
      const settings = await this.settings.lockOfTenant(tx, tenantId);
      if (!settings) throw new NotFoundError('billing settings');
      const before = toView(settings);
      Object.assign(settings, {
        dunningRetryDays: retryDays,
        graceDays: request.graceDays,
        afterFinalFailure: request.afterFinalFailure,
      });
      await this.settings.updateDunning(tx, tenantId, settings);
      const after = toView(settings);
      await this.audit.record(tx, {
        tenantId,
        action: 'dunning-policy.updated',
        targetType: 'billing-settings',
        targetId: tenantId,
        before: before.dunning,
        after: after.dunning,
      });
      return after;
    });
  }

  async updateRenewalNotice(tenantId: string, request: UpdateRenewalNoticeRequest): Promise<BillingSettingsView> {
    return this.dataSource.transaction(async (tx) => {
      const settings = await this.settings.lockOfTenant(tx, tenantId);
      if (!settings) throw new NotFoundError('billing settings');
      const before = settings.renewalNoticeDays;
      settings.renewalNoticeDays = request.renewalNoticeDays;
      await this.settings.updateRenewalNotice(tx, tenantId, settings.renewalNoticeDays);
      await this.audit.record(tx, {
        tenantId,
        action: 'renewal-notice.updated',
        targetType: 'billing-settings',
        targetId: tenantId,
        before: { renewalNoticeDays: before },
        after: { renewalNoticeDays: settings.renewalNoticeDays },
      });
      return toView(settings);
    });
  }

  provisionDefaults(tx: EntityManager, tenantId: string, defaultCurrency: string): Promise<void> {
    return this.settings.insert(tx, defaultBillingSettingsFor(tenantId, defaultCurrency));
  }
}

function toView(settings: BillingSettings): BillingSettingsView {
  const { tenantId, defaultCurrency, dunningRetryDays, graceDays, afterFinalFailure, renewalNoticeDays } = settings;
  return {
    tenantId,
    defaultCurrency,
    dunning: { retryDays: dunningRetryDays, graceDays, afterFinalFailure },
    renewalNoticeDays,
  };
}
