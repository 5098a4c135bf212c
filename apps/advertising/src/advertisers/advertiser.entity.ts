import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PaymentTerms } from '@libs/contracts';

/** An organisation buying advertising from the agency. */
@Entity({ name: 'advertisers' })
@Index('advertisers_tenant_name', ['tenantId', 'name'])
export class Advertiser {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') name!: string;
  @Column('text') category!: string;
  @Column('text', { name: 'media_agency', nullable: true }) mediaAgency!: string | null;
  @Column('text', { name: 'tax_code', nullable: true }) taxCode!: string | null;
  /** How its new orders are paid for: prepay (the default) or invoice with `netDays`. */
  @Column('text', { name: 'payment_terms', default: 'prepay' }) paymentTerms!: PaymentTerms;
  @Column('integer', { name: 'net_days', nullable: true }) netDays!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
