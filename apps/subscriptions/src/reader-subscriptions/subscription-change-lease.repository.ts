import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** The only code that reads and writes subscription change leases. */
@Injectable()
export class SubscriptionChangeLeaseRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Takes the subscription's change lease as `lease` for `seconds` (one short statement, no
   * transaction left open) unless another change holds it; answers whether it was taken.
   */
  async take(tenantId: string, subscriptionId: string, lease: string, seconds: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO subscriptions.subscription_change_leases AS l (tenant_id, subscription_id, lease, leased_until)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))
       ON CONFLICT (tenant_id, subscription_id)
       DO UPDATE SET lease = EXCLUDED.lease, leased_until = EXCLUDED.leased_until WHERE l.leased_until < now()
       RETURNING l.lease`,
      [tenantId, subscriptionId, lease, seconds],
    );
    return rows.length === 1;
  }

  /** Inside the transaction recording a change: locks the lease and answers whether it is still `lease`. */
  async holds(tx: EntityManager, tenantId: string, subscriptionId: string, lease: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM subscriptions.subscription_change_leases
        WHERE tenant_id = $1 AND subscription_id = $2 AND lease = $3 FOR UPDATE`,
      [tenantId, subscriptionId, lease],
    );
    return rows.length === 1;
  }

  /** Gives the lease back, inside the transaction recording the change or on its own; no-op once it is not `lease`'s. */
  async release(
    tenantId: string,
    subscriptionId: string,
    lease: string,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await tx.query(
      `DELETE FROM subscriptions.subscription_change_leases WHERE tenant_id = $1 AND subscription_id = $2 AND lease = $3`,
      [tenantId, subscriptionId, lease],
    );
  }
}
