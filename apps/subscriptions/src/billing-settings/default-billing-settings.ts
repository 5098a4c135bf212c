import type { BillingSettings } from './billing-settings.entity';

/** Days before a period ends on which the suite bills a renewal, for a new agency (and one without settings). */
export const DEFAULT_RENEWAL_NOTICE_DAYS = 3;

/** The dunning policy a new agency starts with, and the one read for an agency without settings: retries on days 1, 3 and 5, a week of grace, then cancel. */
export const DEFAULT_DUNNING_POLICY = {
  dunningRetryDays: [1, 3, 5],
  graceDays: 7,
  afterFinalFailure: 'cancel' as const,
};

/** What a new agency starts with: the default dunning policy; renewals billed 3 days ahead. */
export function defaultBillingSettingsFor(tenantId: string, defaultCurrency: string): BillingSettings {
  return {
    tenantId,
    defaultCurrency,
    ...DEFAULT_DUNNING_POLICY,
    dunningRetryDays: [...DEFAULT_DUNNING_POLICY.dunningRetryDays],
    renewalNoticeDays: DEFAULT_RENEWAL_NOTICE_DAYS,
  };
}
