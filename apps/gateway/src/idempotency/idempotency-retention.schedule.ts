import { Injectable } from '@nestjs/common';
import { RetentionRule, RetentionSchedule } from '@libs/common';
import { GatewayEnv } from '../config/gateway.config';
import { IdempotencyRecordRepository } from './idempotency-record.repository';

/** Idempotency records deleted once they no longer replay (`IDEMPOTENCY_KEY_RETENTION_HOURS`). */
@Injectable()
export class IdempotencyRetentionSchedule extends RetentionSchedule {
  protected readonly rules: RetentionRule[];

  constructor(records: IdempotencyRecordRepository, env: GatewayEnv) {
    super(env.RETENTION_SWEEP_INTERVAL_S * 1000);
    this.rules = [
      {
        what: 'idempotency records',
        deleteBatch: (limit) => records.deleteOlderThan(env.IDEMPOTENCY_KEY_RETENTION_HOURS, limit),
      },
    ];
  }
}
