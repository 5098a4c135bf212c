import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Namespace of the per-agency advisory lock on its books (two int keys: this, and the agency id's hash). */
const BOOKS_LOCK_NAMESPACE = 0x42_4f_4b; // "BOK"

/** The only code that takes agencies' books locks (PostgreSQL advisory locks, held until the transaction ends). */
@Injectable()
export class AgencyBooksLockRepository {
  /** The books of these agencies, in one statement and in the order given (sorted by the caller). */
  async lockBooksOf(tx: EntityManager, tenantIds: string[], mode: 'shared' | 'exclusive'): Promise<void> {
    // unnest answers the array's order, so the locks are taken in it.
    await tx.query(
      `SELECT ${mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock'}($1, hashtext(t.tenant_id))
       FROM unnest($2::text[]) WITH ORDINALITY AS t(tenant_id, n) ORDER BY t.n`,
      [BOOKS_LOCK_NAMESPACE, tenantIds],
    );
  }
}
