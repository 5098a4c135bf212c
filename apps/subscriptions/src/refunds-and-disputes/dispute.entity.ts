import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A chargeback: opened once, closed once (won or lost). */
@Entity({ name: 'disputes' })
export class Dispute {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('text', { name: 'provider_dispute_id' }) providerDisputeId!: string;
  @Column('text', { name: 'provider_charge_id' }) providerChargeId!: string;
  @Column('uuid', { name: 'subscription_id', nullable: true }) subscriptionId!: string | null;
  @Column('text') currency!: string;
  @Column('bigint') amount!: string;
  @Column('text') status!: 'open' | 'won' | 'lost';
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
