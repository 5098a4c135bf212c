import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AgencyBooksLockRepository } from './agency-books-lock.repository';

type Mode = 'shared' | 'exclusive';

/**
 * One agency's bookkeeping, one transaction at a time, held until the transaction ends. Facts
 * that depend on each other meet here: a void or a refund that finds nothing to reverse waits
 * (a waiting event) for the billing or payment it concerns, which releases it; two transactions
 * must not both look before either has written. Batches of billings and payments share the books
 * with each other ({@link holdAllShared}): what they write commutes, they make nothing wait, and
 * what they release each takes alone; everything else holds the books alone.
 */
@Injectable()
export class AgencyBooksLock {
  /** What a transaction holds already, by agency: taking a lock again would be a wasted round trip. */
  private readonly heldInTransaction = new WeakMap<EntityManager, Map<string, Mode>>();

  constructor(private readonly locks: AgencyBooksLockRepository) {}

  hold(tx: EntityManager, tenantId: string): Promise<void> {
    return this.holdAll(tx, [tenantId]);
  }

  /**
   * The books of several agencies (a batch of events), in one statement and in the order of their
   * ids, so that two transactions holding some of the same agencies wait for each other, never in a circle.
   */
  holdAll(tx: EntityManager, tenantIds: string[]): Promise<void> {
    return this.take(tx, tenantIds, 'exclusive');
  }

  /** Like {@link holdAll}, beside other batches of billings and payments, and never beside anything else. */
  holdAllShared(tx: EntityManager, tenantIds: string[]): Promise<void> {
    return this.take(tx, tenantIds, 'shared');
  }

  private async take(tx: EntityManager, tenantIds: string[], mode: Mode): Promise<void> {
    const inTransaction = tx.queryRunner?.isTransactionActive === true;
    const held = (inTransaction && this.heldInTransaction.get(tx)) || new Map<string, Mode>();
    const wanted = [...new Set(tenantIds)]
      .filter((tenantId) => held.get(tenantId) !== 'exclusive' && held.get(tenantId) !== mode)
      .sort();
    if (wanted.length === 0) return;
    await this.locks.lockBooksOf(tx, wanted, mode);
    if (!inTransaction) return;
    for (const tenantId of wanted) held.set(tenantId, mode);
    this.heldInTransaction.set(tx, held);
  }
}
