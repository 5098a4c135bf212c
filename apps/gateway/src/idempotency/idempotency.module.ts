import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyRecordRepository } from './idempotency-record.repository';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyRetentionSchedule } from './idempotency-retention.schedule';

/** `Idempotency-Key` on every POST: the first response stored and replayed. */
@Module({
  providers: [
    IdempotencyRecordRepository,
    IdempotencyRetentionSchedule,
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class IdempotencyModule {}
