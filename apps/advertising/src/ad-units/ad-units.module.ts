import { Module } from '@nestjs/common';
import { AdUnitRepository } from './ad-unit.repository';
import { AdUnitsRpcController } from './ad-units.rpc.controller';
import { AdUnitsService } from './ad-units.service';

/** Ad units: the inventory positions an agency sells. */
@Module({
  controllers: [AdUnitsRpcController],
  providers: [AdUnitsService, AdUnitRepository],
  exports: [AdUnitsService],
})
export class AdUnitsModule {}
