import { Module } from '@nestjs/common';
import { ArticleRevenueModule } from '../article-revenue/article-revenue.module';
import { CalendarModule } from '../calendar/calendar.module';
import { LedgerModule } from '../ledger/ledger.module';
import { RecognitionModule } from '../recognition/recognition.module';
import { ReconciliationModule } from '../reconciliation/reconciliation.module';
import { RefundsAndDisputesModule } from '../refunds-and-disputes/refunds-and-disputes.module';
import { WaitingEventsModule } from '../waiting-events/waiting-events.module';
import { InvoicesEventsController } from './invoices.events.controller';
import { SubscriptionInvoicesService } from './subscription-invoices.service';

/** Subscription invoices as they reach the books: billed, paid, voided. */
@Module({
  imports: [
    LedgerModule,
    CalendarModule,
    RecognitionModule,
    WaitingEventsModule,
    RefundsAndDisputesModule,
    ReconciliationModule,
    ArticleRevenueModule,
  ],
  controllers: [InvoicesEventsController],
  providers: [SubscriptionInvoicesService],
})
export class InvoicesModule {}
