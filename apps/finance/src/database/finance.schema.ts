import { Account } from '../accounts/account.entity';
import { FinanceTenant } from '../tenants/finance-tenant.entity';
import { migrations } from './migrations';

/** The tables finance owns, and the migrations that make them (explicit, no globs). */
export const financeSchema = {
  name: 'finance' as const,
  entities: [FinanceTenant, Account],
  migrations,
};
