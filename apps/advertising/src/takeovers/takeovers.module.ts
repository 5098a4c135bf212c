import { Module } from '@nestjs/common';
import { AdUnitsModule } from '../ad-units/ad-units.module';
import { OrdersModule } from '../orders/orders.module';
import { QuotesModule } from '../quotes/quotes.module';
import { TakeoverPagesModule } from '../takeover-pages/takeover-pages.module';
import { TakeoversRpcController } from './takeovers.rpc.controller';
import { TakeoversService } from './takeovers.service';

/** Takeovers (roadblocks): every unit of a page for one advertiser, each day, all or none. */
@Module({
  imports: [AdUnitsModule, OrdersModule, QuotesModule, TakeoverPagesModule],
  controllers: [TakeoversRpcController],
  providers: [TakeoversService],
})
export class TakeoversModule {}
