import { Module } from '@nestjs/common';
import { AdvertiserRepository } from './advertiser.repository';
import { AdvertisersRpcController } from './advertisers.rpc.controller';
import { AdvertisersService } from './advertisers.service';

/** The organisations buying advertising from the agency. */
@Module({
  controllers: [AdvertisersRpcController],
  providers: [AdvertisersService, AdvertiserRepository],
  exports: [AdvertisersService],
})
export class AdvertisersModule {}
