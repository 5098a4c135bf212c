import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { RecordedRead } from '@libs/contracts';
import { ReaderReadRepository } from './reader-read.repository';

/** Keeps logged-in readers' reads, for instances that start later. */
@Injectable()
export class ReaderReadsService {
  constructor(private readonly reads: ReaderReadRepository) {}

  async store(tx: EntityManager, tenantId: string, reads: RecordedRead[]): Promise<void> {
    if (reads.length === 0) return;
    await this.reads.insertNew(tx, tenantId, reads);
  }
}
