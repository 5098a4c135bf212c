import { Module } from '@nestjs/common';
import { AdUnitsModule } from '../ad-units/ad-units.module';
import { CalendarModule } from '../calendar/calendar.module';
import { RateCardRepository } from './rate-card.repository';
import { RateCardsRpcController } from './rate-cards.rpc.controller';
import { RateCardsService } from './rate-cards.service';

/** What each ad unit costs, with its seasons, discounts, commissions and penalties. */
@Module({
  imports: [AdUnitsModule, CalendarModule],
  controllers: [RateCardsRpcController],
  providers: [RateCardsService, RateCardRepository],
  exports: [RateCardsService],
})
export class RateCardsModule {}
