import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { OrdersModule } from '../orders/orders.module';
import { DeliveryReportRepository } from './delivery-report.repository';
import { DeliveryReportsRpcController } from './delivery-reports.rpc.controller';
import { DeliveryReportsService } from './delivery-reports.service';

/** Delivery reports: what orders, lines, units and articles delivered, and each line against its goal. */
@Module({
  imports: [CalendarModule, OrdersModule],
  controllers: [DeliveryReportsRpcController],
  providers: [DeliveryReportsService, DeliveryReportRepository],
})
export class DeliveryReportsModule {}
