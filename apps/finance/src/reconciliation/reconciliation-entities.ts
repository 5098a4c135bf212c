import { PayoutBankMatch } from './exceptions/payout-bank-match.entity';
import { ReconciliationException } from './exceptions/reconciliation-exception.entity';
import { ReconciliationImport } from './imports/reconciliation-import.entity';
import { StripeLedgerKey } from './ledger-keys/stripe-ledger-key.entity';
import { RailLedgerKey } from './rails/rail-ledger-key.entity';
import { RailReportLine } from './rails/rail-report-line.entity';
import { ReconciliationRun } from './runs/reconciliation-run.entity';
import { BankStatementLine } from './statements/bank-statement-line.entity';
import { StripeBalanceTransaction } from './statements/stripe-balance-transaction.entity';
import { StripePayout } from './statements/stripe-payout.entity';

/** The tables reconciliation owns in the finance schema. */
export const reconciliationEntities = [
  ReconciliationImport,
  StripeBalanceTransaction,
  StripePayout,
  BankStatementLine,
  StripeLedgerKey,
  ReconciliationRun,
  ReconciliationException,
  PayoutBankMatch,
  RailLedgerKey,
  RailReportLine,
];
