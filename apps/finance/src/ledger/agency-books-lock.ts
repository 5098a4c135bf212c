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
  async hold(tx: EntityManager, tenantId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [BOOKS_LOCK_NAMESPACE, tenantId]);
  }
}
