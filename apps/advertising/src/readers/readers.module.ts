import { Module } from '@nestjs/common';
import { ReaderGrantsRepository } from './reader-grants.repository';
import { ReadersEventsController } from './readers.events.controller';
import { ReadersService } from './readers.service';

/** Readers' entitlements followed from subscriptions' events: who is spared ads, who subscribes. */
@Module({
  controllers: [ReadersEventsController],
  providers: [ReadersService, ReaderGrantsRepository],
  exports: [ReaderGrantsRepository],
})
export class ReadersModule {}
