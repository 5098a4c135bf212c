import { Injectable } from '@nestjs/common';
import { DataSource, DeepPartial, EntityManager, LessThan } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';

@Injectable()
export class AuditEntryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends one entry, in the transaction of the change it records. */
  async append(tx: EntityManager, entry: DeepPartial<AuditEntry>): Promise<void> {
    const repo = tx.getRepository(AuditEntry);
    await repo.save(repo.create(entry), { reload: false });
  }

  /** The agency's entries, newest first; `beforeSeq` pages backwards. */
  findPageOfTenant(tenantId: string, limit: number, beforeSeq?: string): Promise<AuditEntry[]> {
    return this.dataSource.getRepository(AuditEntry).find({
      where: beforeSeq ? { tenantId, seq: LessThan(beforeSeq) } : { tenantId },
      order: { seq: 'DESC' },
      take: limit,
    });
  }
}
