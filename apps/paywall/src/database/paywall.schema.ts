import { Article } from '../articles/article.entity';
import { Policy } from '../policies/policy.entity';
import { PaywallTenant } from '../tenants/paywall-tenant.entity';
import { migrations } from './migrations';

/** The tables the paywall owns, and the migrations that make them (explicit, no globs). */
export const paywallSchema = {
  name: 'paywall' as const,
  entities: [PaywallTenant, Policy, Article],
  migrations,
};
