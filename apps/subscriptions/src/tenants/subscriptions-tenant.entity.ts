import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The agency as subscriptions needs it: the currency it bills in and the calendar periods run in. */
@Entity({ name: 'tenants' })
export class SubscriptionsTenant {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text', { name: 'time_zone' }) timeZone!: string;
  @Column('text') locale!: string;
  @Column('text', { name: 'default_currency' }) defaultCurrency!: string;
  @CreateDateColumn({ name: 'provisioned_at', type: 'timestamptz' }) provisionedAt!: Date;
}
