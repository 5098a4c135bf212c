import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { LedgerModule } from '../ledger/ledger.module';
import { RecognitionModule } from '../recognition/recognition.module';
import { ReconciliationModule } from '../reconciliation/reconciliation.module';
import { RefundsAndDisputesModule } from '../refunds-and-disputes/refunds-and-disputes.module';
import { WaitingEventsModule } from '../waiting-events/waiting-events.module';
import { GiftRevenueService } from './gift-revenue.service';
import { GiftsEventsController } from './gifts.events.controller';

/** Gifts bought through gift checkout: paid, redeemed, expired. */
@Module({
  imports: [
    LedgerModule,
    CalendarModule,
    RecognitionModule,
    WaitingEventsModule,
    RefundsAndDisputesModule,
    ReconciliationModule,
  ],
  controllers: [GiftsEventsController],
  providers: [GiftRevenueService],
})
export class GiftsModule {}
