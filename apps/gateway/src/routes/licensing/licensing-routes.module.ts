import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../../api-keys/api-keys.module';
import { LicensingCatalogController } from './catalog.controller';
import { LicensingLicenceOffersController } from './licence-offers.controller';
import { LicensingLicenseesController } from './licensees.controller';

/** The routes `/v1/licensing/…`, forwarded to the licensing service over NATS. */
@Module({
  imports: [ApiKeysModule],
  controllers: [LicensingCatalogController, LicensingLicenceOffersController, LicensingLicenseesController],
})
export class LicensingRoutesModule {}
