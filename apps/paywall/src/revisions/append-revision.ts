import type { EntityManager } from 'typeorm';
import { AuditTrail, ConflictError, currentContext, EventOutbox } from '@libs/common';
import type { EventContract } from '@libs/contracts';
import type { AgencyRevision } from './agency-revision';
import type { AgencyRevisionRepository } from './agency-revision.repository';

export interface RevisionChange<Key extends string, Item> {
  tenantId: string;
  /** The list's field in rows, events and audit records: `policies`, `offers`. */
  key: Key;
  items: Item[];
  restoredFrom: number | null;
  /** The revision the editor started from; a newer one means someone else changed the list. */
  basedOn?: number;
  /** False for what the system sets up itself (an agency's default policies). */
  audited: boolean;
}

/**
 * Appends the next revision, announces it (`changed`, so every paywall instance switches within
 * a second) and audits it, all in `tx`. A stale `basedOn` is a 409: nobody overwrites a change
 * they have not seen.
 */
export async function appendRevision<Key extends string, Item, Row extends AgencyRevision & Record<Key, Item[]>>(
  tx: EntityManager,
  parts: {
    revisions: AgencyRevisionRepository<Row>;
    outbox: EventOutbox;
    audit: AuditTrail;
    changed: EventContract<{ revision: number } & Record<Key, Item[]>>;
  },
  change: RevisionChange<Key, Item>,
): Promise<Row> {
  const { tenantId, key, items, restoredFrom, basedOn } = change;
  await parts.revisions.lock(tx, tenantId);
  const previous = await parts.revisions.current(tenantId, tx);
  const previousRevision = previous?.revision ?? 0;
  if (basedOn !== undefined && basedOn !== previousRevision) {
    throw new ConflictError(
      `the ${key} changed since revision ${basedOn} (now ${previousRevision}); reload and try again`,
    );
  }
  const row = {
    tenantId,
    revision: previousRevision + 1,
    [key]: items,
    actor: currentContext()?.actor ?? 'paywall',
    restoredFrom,
  } as Omit<Row, 'createdAt'>;
  const saved = await parts.revisions.insert(tx, row);
  const listed = { revision: saved.revision, [key]: items } as { revision: number } & Record<Key, Item[]>;
  await parts.outbox.add(tx, parts.changed, { tenantId, subject: tenantId, data: listed });
  if (change.audited) {
    await parts.audit.record(tx, {
      tenantId,
      action: `${key}.${restoredFrom === null ? 'replaced' : 'restored'}`,
      targetType: key,
      targetId: tenantId,
      before: previous ? { revision: previous.revision, [key]: previous[key] } : null,
      after: { ...listed, restoredFrom },
    });
  }
  return saved;
}
