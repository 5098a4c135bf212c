import { Module } from '@nestjs/common';
import { ReaderMeters } from './reader-meters';
import { ReaderReadRepository } from './reader-read.repository';
import { ReaderReadRetentionSchedule } from './reader-read-retention.schedule';
import { ReaderReadsService } from './reader-reads.service';
import { ReadsEventsController } from './reads.events.controller';

@Module({
  controllers: [ReadsEventsController],
  providers: [ReaderReadRepository, ReaderReadsService, ReaderMeters, ReaderReadRetentionSchedule],
  exports: [ReaderReadRepository, ReaderMeters],
})
export class ReaderMetersModule {}
