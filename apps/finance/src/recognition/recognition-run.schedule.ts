import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '@libs/common';
import { FinanceEnv } from '../config/finance.config';
import { RecognitionRunService } from './recognition-run.service';

/** Runs the recognition of every agency every `FINANCE_RECOGNITION_EVERY_S` (a run catches up any days missed). */
@Injectable()
export class RecognitionRunSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly schedule: PeriodicTask;

  constructor(run: RecognitionRunService, env: FinanceEnv) {
    this.schedule = new PeriodicTask('revenue recognition run', env.FINANCE_RECOGNITION_EVERY_S * 1000, () =>
      run.recognizeAll(),
    );
  }

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.schedule.stop();
  }
}
