import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { currentContext } from '@libs/common';
import { ConfigurationChangedEvent, EventEnvelope } from '@libs/contracts';
import { AuditEntry } from './audit-entry.entity';
import { AuditEntryRepository } from './audit-entry.repository';

export interface AuditedChange {
  tenantId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  before?: object | null;
  after?: object | null;
}

/** The agency's one audit log: the gateway's own changes and those the services report. */
@Injectable()
export class AuditLogService {
  constructor(private readonly entries: AuditEntryRepository) {}

  /** Records a change inside the transaction that makes it. */
  async record(tx: EntityManager, change: AuditedChange): Promise<void> {
    const context = currentContext();
    await this.entries.append(tx, {
      tenantId: change.tenantId,
      actor: context?.actor ?? 'system',
      action: change.action,
      targetType: change.targetType,
      targetId: change.targetId,
      before: (change.before ?? null) as Record<string, unknown> | null,
      after: (change.after ?? null) as Record<string, unknown> | null,
      requestId: context?.requestId ?? null,
    });
  }

  /** Records a change another service made, as that service reported it (once per event). */
  async recordReported(tx: EntityManager, event: EventEnvelope<ConfigurationChangedEvent>): Promise<void> {
    const { actor, requestId, action, targetType, targetId, before, after } = event.data;
    await this.entries.append(tx, {
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
    });
  }

  /** Newest first; `beforeSeq` pages backwards. */
  findOfTenant(tenantId: string, limit: number, beforeSeq?: string): Promise<AuditEntry[]> {
    return this.entries.findPageOfTenant(tenantId, limit, beforeSeq);
  }
}
