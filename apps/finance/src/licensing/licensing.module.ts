import { Module } from '@nestjs/common';
import { ArticleRevenueModule } from '../article-revenue/article-revenue.module';
import { CalendarModule } from '../calendar/calendar.module';
import { LedgerModule } from '../ledger/ledger.module';
import { RecognitionModule } from '../recognition/recognition.module';
import { LicensingRevenueService } from './licensing-revenue.service';
import { LicensingEventsController } from './licensing.events.controller';

/** Content licensing on accrual: agreements, usage, royalty statements. */
@Module({
  imports: [LedgerModule, CalendarModule, RecognitionModule, ArticleRevenueModule],
  controllers: [LicensingEventsController],
  providers: [LicensingRevenueService],
})
export class LicensingModule {}
