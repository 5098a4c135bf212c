import { Module } from '@nestjs/common';
import { ArticleRevenueModule } from '../article-revenue/article-revenue.module';
import { CalendarModule } from '../calendar/calendar.module';
import { DeferredRevenueRepository } from './deferred-revenue.repository';
import { DeferredRevenueService } from './deferred-revenue.service';
import { ReportsRpcController } from './reports.rpc.controller';
import { RevenueReportRepository } from './revenue-report.repository';
import { RevenueReportService } from './revenue-report.service';

/** Revenue reports: billed, collected and recognized revenue, the deferred revenue waterfall, revenue by article. */
@Module({
  imports: [CalendarModule, ArticleRevenueModule],
  controllers: [ReportsRpcController],
  providers: [RevenueReportService, RevenueReportRepository, DeferredRevenueService, DeferredRevenueRepository],
})
export class ReportsModule {}
