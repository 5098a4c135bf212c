import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Namespace of the per-agency advisory lock on its books (two int keys: this, and the agency id's hash). */
const BOOKS_LOCK_NAMESPACE = 0x42_4f_4b; // "BOK"

/**
 * One agency's bookkeeping, one transaction at a time. A consumer that posts several entries (a
 * payment that bills its invoice first, a refund replayed after a payment) locks balance rows
 * entry by entry, so two such transactions could lock the same rows in opposite orders and
 * deadlock; they already queue on the agency's balance rows, so taking this lock first costs no
 * parallelism and removes the cycle. Held until the transaction ends.
 */
@Injectable()
export class AgencyBooksLock {
  /** The agencies whose books a transaction holds already: taking a lock again would be a wasted round trip. */
  private readonly heldInTransaction = new WeakMap<EntityManager, Set<string>>();

  hold(tx: EntityManager, tenantId: string): Promise<void> {
    return this.holdAll(tx, [tenantId]);
  }

  /**
   * The books of several agencies (a batch of events), in one statement and in the order of their
   * ids, so that two transactions holding some of the same agencies wait for each other, never in a circle.
   */
  async holdAll(tx: EntityManager, tenantIds: string[]): Promise<void> {
    const inTransaction = tx.queryRunner?.isTransactionActive === true;
    const held = (inTransaction && this.heldInTransaction.get(tx)) || new Set<string>();
    const wanted = [...new Set(tenantIds)].filter((tenantId) => !held.has(tenantId)).sort();
    if (wanted.length === 0) return;
    // unnest answers the array's order, so the locks are taken in it.
    await tx.query(
      `SELECT pg_advisory_xact_lock($1, hashtext(t.tenant_id)) FROM unnest($2::text[]) WITH ORDINALITY AS t(tenant_id, n) ORDER BY t.n`,
      [BOOKS_LOCK_NAMESPACE, wanted],
    );
    if (!inTransaction) return;
    for (const tenantId of wanted) held.add(tenantId);
    this.heldInTransaction.set(tx, held);
  }
}
