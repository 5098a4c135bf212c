import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule, ServiceInstance } from '@libs/common';
import { AccountingPeriodRepository } from './accounting-periods/accounting-period.repository';
import { AccountingPeriodsRpcController } from './accounting-periods/accounting-periods.rpc.controller';
import { AccountingPeriodsService } from './accounting-periods/accounting-periods.service';
import { AccountRepository } from './accounts/account.repository';
import { AccountsRpcController } from './accounts/accounts.rpc.controller';
import { AccountsService } from './accounts/accounts.service';
import { ArticleRevenueEventsController } from './article-revenue/article-revenue.events.controller';
import { RevenueByArticleService } from './article-revenue/revenue-by-article.service';
import { BookingRevenueService } from './advertising/booking-revenue.service';
import { BookingsEventsController } from './advertising/bookings.events.controller';
import { financeSchema } from './database/finance.schema';
import { GiftRevenueService } from './gifts/gift-revenue.service';
import { GiftsEventsController } from './gifts/gifts.events.controller';
import { InvoicesEventsController } from './invoices/invoices.events.controller';
import { SubscriptionInvoicesService } from './invoices/subscription-invoices.service';
import { AgencyBooksLock } from './ledger/agency-books-lock';
import { BalancesAtCommit } from './ledger/balances-at-commit';
import { JournalEntriesRpcController } from './ledger/journal-entries.rpc.controller';
import { LedgerReportsService } from './ledger/ledger-reports.service';
import { LedgerRepository } from './ledger/ledger.repository';
import { LedgerService } from './ledger/ledger.service';
import { LicensingRevenueService } from './licensing/licensing-revenue.service';
import { LicensingEventsController } from './licensing/licensing.events.controller';
import { WaitingEventRepository } from './waiting-events/waiting-event.repository';
import { WaitingEventsService } from './waiting-events/waiting-events.service';
import { RecognitionRun } from './recognition/recognition-run';
import { RecognitionRpcController } from './recognition/recognition.rpc.controller';
import { WaitingEventsRpcController } from './waiting-events/waiting-events.rpc.controller';
import { RecognitionSchedulesRepository } from './recognition/recognition-schedules.repository';
import { RecognitionSchedulesService } from './recognition/recognition-schedules.service';
import { DeferredRevenueService } from './reports/deferred-revenue.service';
import { ReportsRpcController } from './reports/reports.rpc.controller';
import { RevenueReportService } from './reports/revenue-report.service';
import { RefundsAndDisputesEventsController } from './refunds-and-disputes/refunds-and-disputes.events.controller';
import { RefundsAndDisputesService } from './refunds-and-disputes/refunds-and-disputes.service';
import { SubscriptionMetricsRpcController } from './subscription-metrics/subscription-metrics.rpc.controller';
import { SubscriptionMetricsService } from './subscription-metrics/subscription-metrics.service';
import { SubscriptionStatesEventsController } from './subscription-metrics/subscription-states.events.controller';
import { AgencyCalendar } from './calendar/agency-calendar';
import { AgencyCalendarRepository } from './calendar/agency-calendar.repository';
import { reconciliationControllers, reconciliationProviders } from './reconciliation/reconciliation-components';
import { TenantsEventsController } from './tenants/tenants.events.controller';

@Module({})
export class FinanceAppModule {
  static register(instance: ServiceInstance): DynamicModule {
    return {
      module: FinanceAppModule,
      imports: [ServiceCoreModule.forService({ ...instance, ...financeSchema })],
      controllers: [
        AccountsRpcController,
        JournalEntriesRpcController,
        TenantsEventsController,
        InvoicesEventsController,
        RefundsAndDisputesEventsController,
        GiftsEventsController,
        BookingsEventsController,
        LicensingEventsController,
        RecognitionRpcController,
        WaitingEventsRpcController,
        SubscriptionStatesEventsController,
        SubscriptionMetricsRpcController,
        ReportsRpcController,
        AccountingPeriodsRpcController,
        ArticleRevenueEventsController,
        ...reconciliationControllers,
      ],
      providers: [
        AccountsService,
        AccountRepository,
        LedgerService,
        LedgerReportsService,
        LedgerRepository,
        BalancesAtCommit,
        AgencyCalendar,
        AgencyCalendarRepository,
        AgencyBooksLock,
        WaitingEventRepository,
        WaitingEventsService,
        RecognitionSchedulesRepository,
        RecognitionSchedulesService,
        RecognitionRun,
        SubscriptionInvoicesService,
        RefundsAndDisputesService,
        GiftRevenueService,
        BookingRevenueService,
        LicensingRevenueService,
        SubscriptionMetricsService,
        RevenueReportService,
        DeferredRevenueService,
        RevenueByArticleService,
        AccountingPeriodsService,
        AccountingPeriodRepository,
        ...reconciliationProviders,
      ],
    };
  }
}
