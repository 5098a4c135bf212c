import { Module } from '@nestjs/common';
import { LicenceOfferRepository } from './licence-offer.repository';
import { LicenceOfferRevisionRepository } from './licence-offer-revision.repository';
import { LicenceOffersRpcController } from './licence-offers.rpc.controller';
import { LicenceOffersService } from './licence-offers.service';

/** Licence offers: ODRL Offers of an agency's content, edited as drafts and published as revisions. */
@Module({
  controllers: [LicenceOffersRpcController],
  providers: [LicenceOffersService, LicenceOfferRepository, LicenceOfferRevisionRepository],
  exports: [LicenceOffersService],
})
export class LicenceOffersModule {}
