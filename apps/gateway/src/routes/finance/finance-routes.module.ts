import { Module } from '@nestjs/common';
import { FinanceAccountsController } from './accounts.controller';
import { FinanceJournalEntriesController } from './journal-entries.controller';
import { FinancePeriodsController } from './periods.controller';
import { FinanceRecognitionRunsController } from './recognition-runs.controller';
import { FinanceRecognitionSchedulesController } from './recognition-schedules.controller';
import { FinanceReconciliationExceptionsController } from './reconciliation/exceptions.controller';
import { FinanceReconciliationImportsController } from './reconciliation/imports.controller';
import { FinanceReconciliationRunsController } from './reconciliation/runs.controller';
import { FinanceReportsDeferredRevenueController } from './reports/deferred-revenue.controller';
import { FinanceReportsRevenueByArticleController } from './reports/revenue-by-article.controller';
import { FinanceReportsRevenueController } from './reports/revenue.controller';
import { FinanceReportsSubscriptionMetricsController } from './reports/subscription-metrics.controller';
import { FinanceTrialBalanceController } from './trial-balance.controller';
import { FinanceWaitingEventsController } from './waiting-events.controller';

/** The routes `/v1/finance/…`, forwarded to the finance service over NATS. */
@Module({
  controllers: [
    FinanceAccountsController,
    FinanceTrialBalanceController,
    FinanceJournalEntriesController,
    FinanceWaitingEventsController,
    FinanceReportsSubscriptionMetricsController,
    FinanceReportsRevenueController,
    FinanceReportsDeferredRevenueController,
    FinanceReportsRevenueByArticleController,
    FinanceRecognitionSchedulesController,
    FinanceRecognitionRunsController,
    FinanceReconciliationImportsController,
    FinanceReconciliationRunsController,
    FinanceReconciliationExceptionsController,
    FinancePeriodsController,
  ],
})
export class FinanceRoutesModule {}
