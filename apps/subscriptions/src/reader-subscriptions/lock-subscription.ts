import { EntityManager } from 'typeorm';

/** Serializes work on one subscription (the sync, plan changes) until the transaction ends; reentrant. */
export async function lockSubscription(
  tx: EntityManager,
  tenantId: string,
  providerSubscriptionId: string,
): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`subscription:${tenantId}:${providerSubscriptionId}`]);
}
