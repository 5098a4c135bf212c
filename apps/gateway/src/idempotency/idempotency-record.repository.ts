import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IdempotencyRecord } from './idempotency-record.entity';

@Injectable()
export class IdempotencyRecordRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims the key for a first request (in progress); false when the key was claimed before and
   * that claim is younger than `liveHours` (an older one is claimed afresh: it is not replayed).
   */
  async claim(scope: string, key: string, requestHash: string, liveHours: number): Promise<boolean> {
    const claimed: unknown[] = await this.dataSource.query(
      `INSERT INTO gateway.idempotency_keys (scope, key, request_hash, state)
       VALUES ($1, $2, $3, 'in_progress')
       ON CONFLICT (scope, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, state = 'in_progress', response_status = NULL,
             response_body = NULL, answer_withheld = false, created_at = now()
         WHERE idempotency_keys.created_at < now() - make_interval(hours => $4)
       RETURNING key`,
      [scope, key, requestHash, liveHours],
    );
    return claimed.length === 1;
  }

  /** Stores the first request's response, to replay; only its status when the answer held a secret shown once. */
  async complete(
    scope: string,
    key: string,
    responseStatus: number,
    responseBody: unknown,
    answerWithheld: boolean,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE gateway.idempotency_keys SET state = 'completed', response_status = $3, response_body = $4, answer_withheld = $5
        WHERE scope = $1 AND key = $2`,
      [scope, key, responseStatus, responseBody === null ? null : JSON.stringify(responseBody), answerWithheld],
    );
  }

  /** Frees the key of a first request that failed. */
  async release(scope: string, key: string): Promise<void> {
    await this.dataSource.getRepository(IdempotencyRecord).delete({ scope, key });
  }

  findByKey(scope: string, key: string): Promise<IdempotencyRecord | null> {
    return this.dataSource.getRepository(IdempotencyRecord).findOne({ where: { scope, key } });
  }

  /** Deletes up to `batch` records older than `hours`; answers how many. */
  async deleteOlderThan(hours: number, batch: number): Promise<number> {
    const [, deleted] = (await this.dataSource.query(
      `DELETE FROM gateway.idempotency_keys WHERE (scope, key) IN (
         SELECT scope, key FROM gateway.idempotency_keys
         WHERE created_at < now() - make_interval(hours => $1) LIMIT $2)`,
      [hours, batch],
    )) as [unknown, number];
    return deleted;
  }
}
