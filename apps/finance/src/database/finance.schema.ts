import { AccountingPeriod } from '../accounting-periods/accounting-period.entity';
import { Account } from '../accounts/account.entity';
import { AccountDayTotal } from '../ledger/account-day-total.entity';
import { AccountBalance } from '../ledger/account-balance.entity';
import { JournalEntry } from '../ledger/journal-entry.entity';
import { Posting } from '../ledger/posting.entity';
import { FinanceTenant } from '../tenants/finance-tenant.entity';
import { migrations } from './migrations';

/** The tables finance owns, and the migrations that make them (explicit, no globs). */
export const financeSchema = {
  name: 'finance' as const,
  entities: [FinanceTenant, Account, JournalEntry, Posting, AccountBalance, AccountDayTotal, AccountingPeriod],
  migrations,
};
