import { AccountingPeriod } from '../accounting-periods/accounting-period.entity';
import { Account } from '../accounts/account.entity';
import { ArticleRevenue } from '../article-revenue/article-revenue.entity';
import { SubscriptionPayment } from '../article-revenue/subscription-payment.entity';
import { AccountBalance } from '../ledger/account-balance.entity';
import { AccountDayTotal } from '../ledger/account-day-total.entity';
import { JournalEntry } from '../ledger/journal-entry.entity';
import { Posting } from '../ledger/posting.entity';
import { RecognitionLine } from '../recognition/recognition-line.entity';
import { RecognitionSchedule } from '../recognition/recognition-schedule.entity';
import { reconciliationEntities } from '../reconciliation/reconciliation-entities';
import { SubscriptionState } from '../subscription-metrics/subscription-state.entity';
import { FinanceTenant } from '../tenants/finance-tenant.entity';
import { WaitingEvent } from '../waiting-events/waiting-event.entity';
import { migrations } from './migrations';

/** The tables finance owns, and the migrations that make them (explicit, no globs). */
export const financeSchema = {
  name: 'finance' as const,
  entities: [
    FinanceTenant,
    Account,
    JournalEntry,
    Posting,
    AccountBalance,
    AccountDayTotal,
    AccountingPeriod,
    RecognitionSchedule,
    RecognitionLine,
    WaitingEvent,
    SubscriptionState,
    ArticleRevenue,
    SubscriptionPayment,
    ...reconciliationEntities,
  ],
  migrations,
};
