import { Module } from '@nestjs/common';
import { PaymentsModule } from '../payments/payments.module';
import { ReaderSubscriptionsModule } from '../reader-subscriptions/reader-subscriptions.module';
import { InvoiceRepository } from './invoice.repository';
import { InvoicesRpcController } from './invoices.rpc.controller';
import { InvoicesService } from './invoices.service';

/** Subscription invoices through their lifecycle, and their money facts for finance. */
@Module({
  imports: [PaymentsModule, ReaderSubscriptionsModule],
  controllers: [InvoicesRpcController],
  providers: [InvoicesService, InvoiceRepository],
  exports: [InvoicesService, InvoiceRepository],
})
export class InvoicesModule {}
