import { Module } from '@nestjs/common';
import { AdvertisingAdUnitsController } from './ad-units.controller';

/** The routes `/v1/advertising/…`, forwarded to the advertising service over NATS. */
@Module({
  controllers: [AdvertisingAdUnitsController],
})
export class AdvertisingRoutesModule {}
