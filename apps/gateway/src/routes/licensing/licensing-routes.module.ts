import { Module } from '@nestjs/common';
import { LicensingLicenceOffersController } from './licence-offers.controller';

/** The routes `/v1/licensing/…`, forwarded to the licensing service over NATS. */
@Module({
  controllers: [LicensingLicenceOffersController],
})
export class LicensingRoutesModule {}
