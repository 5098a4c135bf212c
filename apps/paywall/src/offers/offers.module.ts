import { Module } from '@nestjs/common';
import { OfferRevisionRepository } from './offer-revision.repository';
import { OffersRpcController } from './offers.rpc.controller';
import { OffersService } from './offers.service';

@Module({
  controllers: [OffersRpcController],
  providers: [OfferRevisionRepository, OffersService],
  exports: [OfferRevisionRepository],
})
export class OffersModule {}
