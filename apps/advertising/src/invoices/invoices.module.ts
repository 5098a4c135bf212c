import { Module } from '@nestjs/common';
import { InvoiceCreditsService } from './invoice-credits.service';
import { InvoicePaymentsService } from './invoice-payments.service';
import { InvoiceRefundsService } from './invoice-refunds.service';
import { InvoiceRepository } from './invoice.repository';
import { InvoiceRequestsSchedule } from './invoice-requests.schedule';
import { InvoicesRpcController } from './invoices.rpc.controller';
import { InvoicesService } from './invoices.service';
import { PayLinksService } from './pay-links.service';

/** Orders' invoices: issued at approval, paid on the rails or by bank transfer, credited when canceled, refunded. */
@Module({
  controllers: [InvoicesRpcController],
  providers: [
    InvoicesService,
    InvoiceRepository,
    InvoicePaymentsService,
    InvoiceCreditsService,
    InvoiceRefundsService,
    PayLinksService,
    InvoiceRequestsSchedule,
  ],
  exports: [InvoicesService, InvoicePaymentsService, InvoiceCreditsService, InvoiceRefundsService, PayLinksService],
})
export class InvoicesModule {}
