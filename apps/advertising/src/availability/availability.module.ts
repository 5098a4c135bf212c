import { Module } from '@nestjs/common';
import { AdUnitsModule } from '../ad-units/ad-units.module';
import { CalendarModule } from '../calendar/calendar.module';
import { InventoryModule } from '../inventory/inventory.module';
import { AvailabilityRpcController } from './availability.rpc.controller';
import { AvailabilityService } from './availability.service';

/** What units have left to sell, per agency-local day. */
@Module({
  imports: [AdUnitsModule, CalendarModule, InventoryModule],
  controllers: [AvailabilityRpcController],
  providers: [AvailabilityService],
})
export class AvailabilityModule {}
