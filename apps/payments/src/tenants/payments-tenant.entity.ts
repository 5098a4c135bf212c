import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The agency as payments needs it: its language for the payer, its currency. */
@Entity({ name: 'tenants' })
export class PaymentsTenant {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text', { name: 'time_zone' }) timeZone!: string;
  @Column('text') locale!: string;
  @Column('text', { name: 'default_currency' }) defaultCurrency!: string;
  @CreateDateColumn({ name: 'provisioned_at', type: 'timestamptz' }) provisionedAt!: Date;
}
