import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An agency that bills on Stripe (payments holds its account and said so): which key, since when. */
@Entity({ name: 'stripe_billing_agencies' })
export class StripeBillingAgency {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') mode!: 'test' | 'live';
  @Column('text', { name: 'key_last4' }) keyLast4!: string;
  @Column('timestamptz', { name: 'configured_at' }) configuredAt!: Date;
}
