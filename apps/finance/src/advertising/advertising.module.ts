import { Module } from '@nestjs/common';
import { ArticleRevenueModule } from '../article-revenue/article-revenue.module';
import { CalendarModule } from '../calendar/calendar.module';
import { LedgerModule } from '../ledger/ledger.module';
import { RecognitionModule } from '../recognition/recognition.module';
import { WaitingEventsModule } from '../waiting-events/waiting-events.module';
import { BookingRevenueService } from './booking-revenue.service';
import { BookingsEventsController } from './bookings.events.controller';

/** Advertising bookings on accrual: invoiced, paid, delivered, made good. */
@Module({
  imports: [LedgerModule, CalendarModule, RecognitionModule, WaitingEventsModule, ArticleRevenueModule],
  controllers: [BookingsEventsController],
  providers: [BookingRevenueService],
})
export class AdvertisingModule {}
