import { Module } from '@nestjs/common';
import { LicenceOfferRepository } from './licence-offer.repository';
import { LicenceOffersRpcController } from './licence-offers.rpc.controller';
import { LicenceOffersService } from './licence-offers.service';

/** Licence offers: the terms an agency offers its content under. */
@Module({
  controllers: [LicenceOffersRpcController],
  providers: [LicenceOffersService, LicenceOfferRepository],
  exports: [LicenceOffersService],
})
export class LicenceOffersModule {}
