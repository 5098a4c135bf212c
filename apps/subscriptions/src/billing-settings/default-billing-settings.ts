import type { BillingSettings } from './billing-settings.entity';

/** What a new agency starts with: retries on days 1, 3 and 5, a week of grace, then cancel; renewals billed 3 days ahead. */
export function defaultBillingSettingsFor(tenantId: string, defaultCurrency: string): BillingSettings {
  return {
    tenantId,
    defaultCurrency,
    dunningRetryDays: [1, 3, 5],
    graceDays: 7,
    afterFinalFailure: 'cancel',
    renewalNoticeDays: 3,
  };
}
