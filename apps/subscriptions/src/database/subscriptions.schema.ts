import { BillingSettings } from '../billing-settings/billing-settings.entity';
import { SubscriptionsTenant } from '../tenants/subscriptions-tenant.entity';
import { migrations } from './migrations';

/** The tables subscriptions owns, and the migrations that make them (explicit, no globs). */
export const subscriptionsSchema = {
  name: 'subscriptions' as const,
  entities: [SubscriptionsTenant, BillingSettings],
  migrations,
};
