import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A plan change at work on a subscription (it calls the provider outside any transaction): the
 * change's lease, and until when it keeps other changes of the subscription off. Kept apart from
 * the subscription's row so taking and giving it back does not count as a write of the row (the
 * sync's stale-read check compares the row's version).
 */
@Entity({ name: 'subscription_change_leases' })
export class SubscriptionChangeLease {
  @PrimaryColumn('uuid', { name: 'tenant_id', primaryKeyConstraintName: 'subscription_change_leases_pkey' })
  tenantId!: string;
  @PrimaryColumn('uuid', { name: 'subscription_id', primaryKeyConstraintName: 'subscription_change_leases_pkey' })
  subscriptionId!: string;
  @Column('uuid') lease!: string;
  @Column('timestamptz', { name: 'leased_until' }) leasedUntil!: Date;
}
