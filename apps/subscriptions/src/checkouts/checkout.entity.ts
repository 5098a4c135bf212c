import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A checkout we opened: which plan and price, for whom, and where the reader came from. */
@Entity({ name: 'checkouts' })
export class Checkout {
  @PrimaryColumn('text', { name: 'provider_checkout_id' }) providerCheckoutId!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text', { name: 'reader_key' }) readerKey!: string;
  @Column('uuid', { name: 'plan_id' }) planId!: string;
  @Column('uuid', { name: 'price_id' }) priceId!: string;
  /** Attribution: article, offer and variant that led here. */
  @Column('text', { nullable: true }) reference!: string | null;
  @Column('timestamptz', { name: 'completed_at', nullable: true }) completedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
