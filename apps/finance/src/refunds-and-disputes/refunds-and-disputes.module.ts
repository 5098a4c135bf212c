import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { LedgerModule } from '../ledger/ledger.module';
import { RecognitionModule } from '../recognition/recognition.module';
import { ReconciliationModule } from '../reconciliation/reconciliation.module';
import { WaitingEventsModule } from '../waiting-events/waiting-events.module';
import { RefundsAndDisputesEventsController } from './refunds-and-disputes.events.controller';
import { RefundsAndDisputesService } from './refunds-and-disputes.service';

/** Refunds and disputes as they reach the books; exports the refunds' replay for the payments they waited for. */
@Module({
  imports: [LedgerModule, CalendarModule, RecognitionModule, WaitingEventsModule, ReconciliationModule],
  controllers: [RefundsAndDisputesEventsController],
  providers: [RefundsAndDisputesService],
  exports: [RefundsAndDisputesService],
})
export class RefundsAndDisputesModule {}
