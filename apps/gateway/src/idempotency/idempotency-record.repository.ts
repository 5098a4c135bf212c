import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IdempotencyRecord } from './idempotency-record.entity';

@Injectable()
export class IdempotencyRecordRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Claims the key for a first request (in progress); false when the key was claimed before. */
  async claim(scope: string, key: string, requestHash: string): Promise<boolean> {
    const claimed = await this.dataSource
      .getRepository(IdempotencyRecord)
      .createQueryBuilder()
      .insert()
      .values({ scope, key, requestHash, state: 'in_progress' })
      .orIgnore()
      .returning(['key'])
      .execute();
    return (claimed.raw as unknown[]).length === 1;
  }

  /** Stores the first request's response, to replay. */
  async complete(scope: string, key: string, responseStatus: number, responseBody: object): Promise<void> {
    await this.dataSource
      .getRepository(IdempotencyRecord)
      .update({ scope, key }, { state: 'completed', responseStatus, responseBody });
  }

  /** Frees the key of a first request that failed. */
  async release(scope: string, key: string): Promise<void> {
    await this.dataSource.getRepository(IdempotencyRecord).delete({ scope, key });
  }

  findByKey(scope: string, key: string): Promise<IdempotencyRecord | null> {
    return this.dataSource.getRepository(IdempotencyRecord).findOne({ where: { scope, key } });
  }
}
