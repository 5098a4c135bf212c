import { Module } from '@nestjs/common';
import { AdUnitsModule } from '../ad-units/ad-units.module';
import { AdvertisersModule } from '../advertisers/advertisers.module';
import { CalendarModule } from '../calendar/calendar.module';
import { RateCardsModule } from '../rate-cards/rate-cards.module';
import { QuotesRpcController } from './quotes.rpc.controller';
import { QuotesService } from './quotes.service';

/** Prices of proposed lines from the rate cards, each step shown. */
@Module({
  imports: [AdUnitsModule, AdvertisersModule, CalendarModule, RateCardsModule],
  controllers: [QuotesRpcController],
  providers: [QuotesService],
  exports: [QuotesService],
})
export class QuotesModule {}
