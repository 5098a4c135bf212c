import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The agency as finance needs it: the currency its books are kept in and the calendar periods close in. */
@Entity({ name: 'tenants' })
export class FinanceTenant {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text', { name: 'time_zone' }) timeZone!: string;
  @Column('text') locale!: string;
  @Column('text', { name: 'default_currency' }) defaultCurrency!: string;
  @CreateDateColumn({ name: 'provisioned_at', type: 'timestamptz' }) provisionedAt!: Date;
}
