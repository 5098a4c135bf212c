import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { LedgerModule } from '../ledger/ledger.module';
import { ReconciliationModule } from '../reconciliation/reconciliation.module';
import { RefundsAndDisputesModule } from '../refunds-and-disputes/refunds-and-disputes.module';
import { PaymentPostingsService } from './payment-postings.service';
import { PaymentsEventsController } from './payments.events.controller';

/** Payments taken and refunded on the Vietnamese rails (MoMo, VNPay, payOS), each rail to its clearing account. */
@Module({
  imports: [LedgerModule, CalendarModule, ReconciliationModule, RefundsAndDisputesModule],
  controllers: [PaymentsEventsController],
  providers: [PaymentPostingsService],
})
export class PaymentsModule {}
