import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { InvoicesModule } from '../invoices/invoices.module';
import { OrdersModule } from '../orders/orders.module';
import { OrderPaymentsEventsController } from './order-payments.events.controller';
import { OrderPaymentsService } from './order-payments.service';

/** Payments on the rails and bank transfers reaching orders' invoices; a prepaid order serves once paid. */
@Module({
  imports: [CalendarModule, InvoicesModule, OrdersModule],
  controllers: [OrderPaymentsEventsController],
  providers: [OrderPaymentsService],
})
export class OrderPaymentsModule {}
