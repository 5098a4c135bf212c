import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { ReconciliationExceptionRepository } from './exceptions/reconciliation-exception.repository';
import { ReconciliationExceptionsRpcController } from './exceptions/reconciliation-exceptions.rpc.controller';
import { ReconciliationExceptionsService } from './exceptions/reconciliation-exceptions.service';
import { ReconciliationImportRepository } from './imports/reconciliation-import.repository';
import { ReconciliationImportsRpcController } from './imports/reconciliation-imports.rpc.controller';
import { ReconciliationImportsService } from './imports/reconciliation-imports.service';
import { StripeApiImportRunner } from './imports/stripe-api-import.runner';
import { LedgerKeysService } from './ledger-keys/ledger-keys.service';
import { StripeLedgerKeyRepository } from './ledger-keys/stripe-ledger-key.repository';
import { ReconciliationMatchingRepository } from './runs/reconciliation-matching.repository';
import { ReconciliationRunRepository } from './runs/reconciliation-run.repository';
import { ReconciliationRunsRpcController } from './runs/reconciliation-runs.rpc.controller';
import { ReconciliationRunsService } from './runs/reconciliation-runs.service';
import { ReconciliationRunner } from './runs/reconciliation.runner';
import { RailLedgerKeyRepository } from './rails/rail-ledger-key.repository';
import { RailReportLineRepository } from './rails/rail-report-line.repository';
import { RailSettlementBookingsService } from './rails/rail-settlement-bookings.service';
import { PayoutBookingsService } from './statements/payout-bookings.service';
import { StatementRepository } from './statements/statement.repository';

/**
 * Reconciliation: imports of Stripe activity, the payment rails' reports and bank statements, runs
 * that match them to the journal, and the exceptions staff resolve. Exports the ledger keys the
 * handlers of payment events record beside the entries they book.
 */
@Module({
  imports: [LedgerModule],
  controllers: [
    ReconciliationImportsRpcController,
    ReconciliationRunsRpcController,
    ReconciliationExceptionsRpcController,
  ],
  providers: [
    ReconciliationImportRepository,
    ReconciliationImportsService,
    StripeApiImportRunner,
    StatementRepository,
    PayoutBookingsService,
    StripeLedgerKeyRepository,
    LedgerKeysService,
    ReconciliationMatchingRepository,
    ReconciliationRunRepository,
    ReconciliationRunner,
    ReconciliationRunsService,
    ReconciliationExceptionRepository,
    ReconciliationExceptionsService,
    RailLedgerKeyRepository,
    RailReportLineRepository,
    RailSettlementBookingsService,
  ],
  exports: [LedgerKeysService, RailLedgerKeyRepository],
})
export class ReconciliationModule {}
