import { Module } from '@nestjs/common';
import { AdUnitsModule } from '../ad-units/ad-units.module';
import { CalendarModule } from '../calendar/calendar.module';
import { CreativesModule } from '../creatives/creatives.module';
import { InventoryModule } from '../inventory/inventory.module';
import { QuotesModule } from '../quotes/quotes.module';
import { RateCardsModule } from '../rate-cards/rate-cards.module';
import { ServingModule } from '../serving/serving.module';
import { MakeGoodOrdersService } from './make-good-orders.service';
import { OrderClockSchedule } from './order-clock.schedule';
import { OrderRepository } from './order.repository';
import { OrderTransitionsService } from './order-transitions.service';
import { OrdersRpcController } from './orders.rpc.controller';
import { OrdersService } from './orders.service';

/** Advertisers' orders: lines held against capacity, approved, live, completed, or rejected and canceled. */
@Module({
  imports: [
    AdUnitsModule,
    CalendarModule,
    CreativesModule,
    InventoryModule,
    QuotesModule,
    RateCardsModule,
    ServingModule,
  ],
  controllers: [OrdersRpcController],
  providers: [OrdersService, OrderTransitionsService, OrderRepository, OrderClockSchedule, MakeGoodOrdersService],
  exports: [OrdersService, MakeGoodOrdersService],
})
export class OrdersModule {}
