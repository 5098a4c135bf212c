import { Module } from '@nestjs/common';
import { AdUnitsModule } from '../ad-units/ad-units.module';
import { CalendarModule } from '../calendar/calendar.module';
import { CreativesModule } from '../creatives/creatives.module';
import { OrdersModule } from '../orders/orders.module';
import { ServingModule } from '../serving/serving.module';
import { MakeGoodRepository } from './make-good.repository';
import { MakeGoodSettlementsService } from './make-good-settlements.service';
import { MakeGoodsRpcController } from './make-goods.rpc.controller';
import { MakeGoodsService } from './make-goods.service';

/** Make-goods: a flight that ended short is proposed for ad ops to make good with a new line or a credit, or reject. */
@Module({
  imports: [AdUnitsModule, CalendarModule, CreativesModule, OrdersModule, ServingModule],
  controllers: [MakeGoodsRpcController],
  providers: [MakeGoodsService, MakeGoodSettlementsService, MakeGoodRepository],
  exports: [MakeGoodsService],
})
export class MakeGoodsModule {}
