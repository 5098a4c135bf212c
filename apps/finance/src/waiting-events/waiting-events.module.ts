import { Module } from '@nestjs/common';
import { WaitingEventRepository } from './waiting-event.repository';
import { WaitingEventsRpcController } from './waiting-events.rpc.controller';
import { WaitingEventsService } from './waiting-events.service';

/** Events finance holds back until the fact they depend on arrives. */
@Module({
  controllers: [WaitingEventsRpcController],
  providers: [WaitingEventsService, WaitingEventRepository],
  exports: [WaitingEventsService],
})
export class WaitingEventsModule {}
