import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import { currentContext } from '@libs/common';
import { ConfigurationChangedEvent, EventEnvelope } from '@libs/contracts';
import { AuditEntry } from './audit-entry.entity';

export interface AuditedChange {
  tenantId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  before?: object | null;
  after?: object | null;
}

@Injectable()
export class AuditLog {
  constructor(private readonly dataSource: DataSource) {}

  /** Records a change inside the transaction that makes it. */
  async record(tx: EntityManager, change: AuditedChange): Promise<void> {
    const context = currentContext();
    const repo = tx.getRepository(AuditEntry);
    const entry = repo.create({
      tenantId: change.tenantId,
      actor: context?.actor ?? 'system',
      action: change.action,
      targetType: change.targetType,
      targetId: change.targetId,
      before: (change.before ?? null) as Record<string, unknown> | null,
      after: (change.after ?? null) as Record<string, unknown> | null,
      requestId: context?.requestId ?? null,
    });
    await repo.save(entry, { reload: false });
  }

  /** Records a change another service made, as that service reported it (once per event). */
  async recordReported(tx: EntityManager, event: EventEnvelope<ConfigurationChangedEvent>): Promise<void> {
    const { actor, requestId, action, targetType, targetId, before, after } = event.data;
    const repo = tx.getRepository(AuditEntry);
    await repo.save(
      repo.create({
        tenantId: event.tenantId,
        service: event.source,
        actor,
        action,
        targetType,
        targetId,
        before,
        after,
        requestId,
        at: new Date(event.time),
      }),
      { reload: false },
    );
  }

  /** Newest first; `beforeSeq` pages backwards. */
  findOfTenant(tenantId: string, limit: number, beforeSeq?: string): Promise<AuditEntry[]> {
    return this.dataSource.getRepository(AuditEntry).find({
      where: beforeSeq ? { tenantId, seq: LessThan(beforeSeq) } : { tenantId },
      order: { seq: 'DESC' },
      take: limit,
    });
  }
}
