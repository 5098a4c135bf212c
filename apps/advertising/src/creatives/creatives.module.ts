import { Module } from '@nestjs/common';
import { AdvertisersModule } from '../advertisers/advertisers.module';
import { ServingModule } from '../serving/serving.module';
import { CreativeRepository } from './creative.repository';
import { CreativesRpcController } from './creatives.rpc.controller';
import { CreativesService } from './creatives.service';

/** Advertisers' creatives (image, HTML5 zip, third-party tag, native), checked, stored, reviewed and attached to order lines. */
@Module({
  imports: [AdvertisersModule, ServingModule],
  controllers: [CreativesRpcController],
  providers: [CreativesService, CreativeRepository],
  exports: [CreativesService],
})
export class CreativesModule {}
