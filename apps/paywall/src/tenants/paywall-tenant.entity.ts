import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The agency as the paywall needs it: whose calendar meters count in. */
@Entity({ name: 'tenants' })
export class PaywallTenant {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text', { name: 'time_zone' }) timeZone!: string;
  @Column('text') locale!: string;
  @CreateDateColumn({ name: 'provisioned_at', type: 'timestamptz' }) provisionedAt!: Date;
}
