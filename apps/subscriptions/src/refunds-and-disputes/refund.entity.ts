import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A refund as recorded once (its money fact is published with it). */
@Entity({ name: 'refunds' })
export class Refund {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('text', { name: 'provider_refund_id' }) providerRefundId!: string;
  @Column('text', { name: 'provider_charge_id' }) providerChargeId!: string;
  @Column('uuid', { name: 'subscription_id', nullable: true }) subscriptionId!: string | null;
  @Column('text') currency!: string;
  @Column('bigint') amount!: string;
  @Column('timestamptz', { name: 'refunded_at' }) refundedAt!: Date;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}
