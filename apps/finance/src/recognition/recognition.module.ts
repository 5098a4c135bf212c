import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { LedgerModule } from '../ledger/ledger.module';
import { RecognitionRunSchedule } from './recognition-run.schedule';
import { RecognitionRunService } from './recognition-run.service';
import { RecognitionScheduleRepository } from './recognition-schedule.repository';
import { RecognitionSchedulesService } from './recognition-schedules.service';
import { RecognitionRpcController } from './recognition.rpc.controller';

/** Revenue recognition: the schedules deferred revenue follows, and the run that posts what is due. */
@Module({
  imports: [LedgerModule, CalendarModule],
  controllers: [RecognitionRpcController],
  providers: [
    RecognitionSchedulesService,
    RecognitionScheduleRepository,
    RecognitionRunService,
    RecognitionRunSchedule,
  ],
  exports: [RecognitionSchedulesService],
})
export class RecognitionModule {}
