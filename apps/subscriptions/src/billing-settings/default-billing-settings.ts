import type { BillingSettings } from './billing-settings.entity';

/** Days before a period ends on which the suite bills a renewal, for a new agency (and one without settings). */
export const DEFAULT_RENEWAL_NOTICE_DAYS = 3;

/** What a new agency starts with: retries on days 1, 3 and 5, a week of grace, then cancel; renewals billed 3 days ahead. */
export function defaultBillingSettingsFor(tenantId: string, defaultCurrency: string): BillingSettings {
  return {
    tenantId,
    defaultCurrency,
    dunningRetryDays: [1, 3, 5],
    graceDays: 7,
    afterFinalFailure: 'cancel',
    renewalNoticeDays: DEFAULT_RENEWAL_NOTICE_DAYS,
  };
}
