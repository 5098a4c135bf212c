import { Module } from '@nestjs/common';
import { AdUnitsModule } from '../ad-units/ad-units.module';
import { CalendarModule } from '../calendar/calendar.module';
import { InventoryModule } from '../inventory/inventory.module';
import { QuotesModule } from '../quotes/quotes.module';
import { RateCardsModule } from '../rate-cards/rate-cards.module';
import { ServingModule } from '../serving/serving.module';
import { OrderClockSchedule } from './order-clock.schedule';
import { OrderLinesRpcController } from './order-lines.rpc.controller';
import { OrderLinesService } from './order-lines.service';
import { OrderRepository } from './order.repository';
import { OrderTransitionsService } from './order-transitions.service';
import { OrdersRpcController } from './orders.rpc.controller';
import { OrdersService } from './orders.service';

/** Advertisers' orders: lines held against capacity, approved, live, completed, or rejected and canceled. */
@Module({
  imports: [AdUnitsModule, CalendarModule, InventoryModule, QuotesModule, RateCardsModule, ServingModule],
  controllers: [OrdersRpcController, OrderLinesRpcController],
  providers: [OrdersService, OrderLinesService, OrderTransitionsService, OrderRepository, OrderClockSchedule],
})
export class OrdersModule {}
