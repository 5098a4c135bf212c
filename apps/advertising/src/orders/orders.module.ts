import { Module } from '@nestjs/common';
import { AdUnitsModule } from '../ad-units/ad-units.module';
import { AdvertisersModule } from '../advertisers/advertisers.module';
import { CalendarModule } from '../calendar/calendar.module';
import { CreativesModule } from '../creatives/creatives.module';
import { InventoryModule } from '../inventory/inventory.module';
import { InvoicesModule } from '../invoices/invoices.module';
import { QuotesModule } from '../quotes/quotes.module';
import { RateCardsModule } from '../rate-cards/rate-cards.module';
import { ServingModule } from '../serving/serving.module';
import { MakeGoodOrdersService } from './make-good-orders.service';
import { OrderBillingService } from './order-billing.service';
import { OrderClockSchedule } from './order-clock.schedule';
import { OrderDeliveryRepository } from './order-delivery.repository';
import { OrderLinesRpcController } from './order-lines.rpc.controller';
import { OrderLinesService } from './order-lines.service';
import { OrderRepository } from './order.repository';
import { OrderTransitionsService } from './order-transitions.service';
import { OrdersRpcController } from './orders.rpc.controller';
import { OrdersService } from './orders.service';

/** Advertisers' orders: lines held against capacity, approved and invoiced, live once paid or on terms, completed, or rejected and canceled. */
@Module({
  imports: [
    AdUnitsModule,
    AdvertisersModule,
    CalendarModule,
    CreativesModule,
    InventoryModule,
    InvoicesModule,
    QuotesModule,
    RateCardsModule,
    ServingModule,
  ],
  controllers: [OrdersRpcController, OrderLinesRpcController],
  providers: [
    OrdersService,
    OrderLinesService,
    OrderTransitionsService,
    OrderBillingService,
    OrderRepository,
    OrderDeliveryRepository,
    OrderClockSchedule,
    MakeGoodOrdersService,
  ],
  exports: [OrdersService, OrderTransitionsService, MakeGoodOrdersService],
})
export class OrdersModule {}
