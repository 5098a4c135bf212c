import { Module } from '@nestjs/common';
import { InvoicesModule } from '../invoices/invoices.module';
import { PaymentsModule } from '../payments/payments.module';
import { DisputeRepository } from './dispute.repository';
import { RefundRepository } from './refund.repository';
import { RefundsAndDisputesService } from './refunds-and-disputes.service';

/** Money going back to readers, recorded once each and told to finance. */
@Module({
  imports: [PaymentsModule, InvoicesModule],
  providers: [RefundsAndDisputesService, RefundRepository, DisputeRepository],
  exports: [RefundsAndDisputesService],
})
export class RefundsAndDisputesModule {}
