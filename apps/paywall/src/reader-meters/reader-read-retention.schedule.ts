import { Injectable } from '@nestjs/common';
import { RetentionRule, RetentionSchedule } from '@libs/common';
import { PaywallEnv } from '../config/paywall.config';
import { ReaderReadRepository } from './reader-read.repository';

/**
 * Logged-in readers' reads deleted `READER_READ_RETENTION_DAYS` after their day; the period is
 * never shorter than the meters' memory (METER_MEMORY_DAYS), so no meter loses a read it counts.
 */
@Injectable()
export class ReaderReadRetentionSchedule extends RetentionSchedule {
  protected readonly rules: RetentionRule[];

  constructor(reads: ReaderReadRepository, env: PaywallEnv) {
    super(env.RETENTION_SWEEP_INTERVAL_S * 1000);
    this.rules = [
      {
        what: 'reader reads',
        deleteBatch: (limit) =>
          reads.deleteBeforeDay(Math.floor(Date.now() / 86_400_000) - env.READER_READ_RETENTION_DAYS, limit),
      },
    ];
  }
}
