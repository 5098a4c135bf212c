import { Module } from '@nestjs/common';
import { ReaderMeters } from './reader-meters';
import { ReaderReadRepository } from './reader-read.repository';
import { ReaderReadsService } from './reader-reads.service';
import { ReadsEventsController } from './reads.events.controller';

@Module({
  controllers: [ReadsEventsController],
  providers: [ReaderReadRepository, ReaderReadsService, ReaderMeters],
  exports: [ReaderReadRepository, ReaderMeters],
})
export class ReaderMetersModule {}
