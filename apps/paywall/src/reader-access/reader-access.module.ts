import { Module } from '@nestjs/common';
import { AddressGrantsRepository } from './address-grants.repository';
import { ReaderAccessEventsController } from './reader-access.events.controller';
import { ReaderAccessService } from './reader-access.service';
import { ReaderGrantsRepository } from './reader-grants.repository';

@Module({
  controllers: [ReaderAccessEventsController],
  providers: [ReaderGrantsRepository, AddressGrantsRepository, ReaderAccessService],
  exports: [ReaderGrantsRepository, AddressGrantsRepository],
})
export class ReaderAccessModule {}
