import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CreativesModule } from '../creatives/creatives.module';
import { InventoryModule } from '../inventory/inventory.module';
import { ServingModule } from '../serving/serving.module';
import { SitesModule } from '../sites/sites.module';
import { AdUnitRepository } from './ad-unit.repository';
import { AdUnitsRpcController } from './ad-units.rpc.controller';
import { AdUnitsService } from './ad-units.service';
import { CapacityForecastSchedule } from './capacity-forecast.schedule';
import { UnitCapacityService } from './unit-capacity.service';
import { UnitDeliveryHistoryRepository } from './unit-delivery-history.repository';

/** Ad units: the inventory positions an agency sells, and their capacity (configured, or forecast from their delivery). */
@Module({
  imports: [CalendarModule, CreativesModule, InventoryModule, ServingModule, SitesModule],
  controllers: [AdUnitsRpcController],
  providers: [
    AdUnitsService,
    AdUnitRepository,
    UnitCapacityService,
    UnitDeliveryHistoryRepository,
    CapacityForecastSchedule,
  ],
  exports: [AdUnitsService],
})
export class AdUnitsModule {}
