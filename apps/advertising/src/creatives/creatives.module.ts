import { Module } from '@nestjs/common';
import { AdvertisersModule } from '../advertisers/advertisers.module';
import { ServingModule } from '../serving/serving.module';
import { CreativeFileStore } from './creative-file-store';
import { CreativeFileRepository } from './creative-file.repository';
import { CreativeRepository } from './creative.repository';
import { CreativesRpcController } from './creatives.rpc.controller';
import { CreativesService } from './creatives.service';
import { MakeGoodCreativesService } from './make-good-creatives.service';

/**
 * Advertisers' creatives (image, HTML5 zip, third-party tag, native), checked, stored, reviewed and
 * attached to order lines; approved ones' files kept in memory for the public file route.
 */
@Module({
  imports: [AdvertisersModule, ServingModule],
  controllers: [CreativesRpcController],
  providers: [
    CreativesService,
    MakeGoodCreativesService,
    CreativeRepository,
    CreativeFileRepository,
    CreativeFileStore,
  ],
  exports: [CreativesService, MakeGoodCreativesService, CreativeFileStore],
})
export class CreativesModule {}
