import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CONFIGURATION_CHANGED, ServiceName } from '@libs/contracts';
import { currentContext } from '../context/request-context';
import { EventOutbox } from './event-outbox';

export interface AuditedChange {
  tenantId: string;
  action: string;
  targetType: string;
  targetId: string;
  before?: object | null;
  after?: object | null;
}

/**
 * Records a change for the agency's audit log inside the transaction that makes it: the change
 * and its audit record commit together. The gateway keeps the log (it consumes the events).
 */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly service: ServiceName,
    private readonly outbox: EventOutbox,
  ) {}

  async record(tx: EntityManager, change: AuditedChange): Promise<void> {
    if (this.service === 'gateway') throw new Error('the gateway writes its audit log directly');
    const context = currentContext();
    await this.outbox.add(tx, CONFIGURATION_CHANGED[this.service], {
      tenantId: change.tenantId,
      subject: change.targetId,
      data: {
        actor: context?.actor ?? this.service,
        requestId: context?.requestId ?? null,
        action: change.action,
        targetType: change.targetType,
        targetId: change.targetId,
        before: plain(change.before),
        after: plain(change.after),
      },
    });
  }
}

/** JSON-safe copy (bigints as digit strings, dates as ISO strings), or null. */
function plain(value: object | null | undefined): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))) as Record<
    string,
    unknown
  >;
}
