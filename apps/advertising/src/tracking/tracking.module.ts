import { Module } from '@nestjs/common';
import { BeaconsModule } from '../beacons/beacons.module';
import { AdDecisionsModule } from '../decisions/ad-decisions.module';
import { AdEventRepository } from './ad-event.repository';
import { AdEventPartitionsSchedule } from './ad-event-partitions.schedule';
import { BeaconRecorder } from './beacon-recorder';
import { BeaconServer } from './beacon-server';
import { BeaconTally } from './beacon-tally';

/** Beacons: impressions, viewable impressions and clicks counted once, in batches, on the public port. */
@Module({
  imports: [AdDecisionsModule, BeaconsModule],
  providers: [AdEventRepository, BeaconTally, BeaconRecorder, BeaconServer, AdEventPartitionsSchedule],
})
export class TrackingModule {}
