import { ReconciliationExceptionsRepository } from './exceptions/reconciliation-exceptions.repository';
import { ReconciliationExceptionsRpcController } from './exceptions/reconciliation-exceptions.rpc.controller';
import { ReconciliationExceptionsService } from './exceptions/reconciliation-exceptions.service';
import { ReconciliationImportsRepository } from './imports/reconciliation-imports.repository';
import { ReconciliationImportsRpcController } from './imports/reconciliation-imports.rpc.controller';
import { ReconciliationImportsService } from './imports/reconciliation-imports.service';
import { StripeApiImportRunner } from './imports/stripe-api-import.runner';
import { LedgerKeysEventsController } from './ledger-keys/ledger-keys.events.controller';
import { StripeLedgerKeysRepository } from './ledger-keys/stripe-ledger-keys.repository';
import { ReconciliationMatchingRepository } from './runs/reconciliation-matching.repository';
import { ReconciliationRunner } from './runs/reconciliation-runner';
import { ReconciliationRunsRepository } from './runs/reconciliation-runs.repository';
import { ReconciliationRunsRpcController } from './runs/reconciliation-runs.rpc.controller';
import { ReconciliationRunsService } from './runs/reconciliation-runs.service';
import { PayoutBookings } from './statements/payout-bookings';
import { StatementsRepository } from './statements/statements.repository';

/** Reconciliation's handlers and providers, registered by the finance app module (they use its LedgerService). */
export const reconciliationControllers = [
  ReconciliationImportsRpcController,
  ReconciliationRunsRpcController,
  ReconciliationExceptionsRpcController,
  LedgerKeysEventsController,
];

export const reconciliationProviders = [
  ReconciliationImportsRepository,
  ReconciliationImportsService,
  StripeApiImportRunner,
  StatementsRepository,
  PayoutBookings,
  StripeLedgerKeysRepository,
  ReconciliationMatchingRepository,
  ReconciliationRunsRepository,
  ReconciliationRunner,
  ReconciliationRunsService,
  ReconciliationExceptionsRepository,
  ReconciliationExceptionsService,
];
