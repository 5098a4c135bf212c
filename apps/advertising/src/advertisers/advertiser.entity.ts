import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

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
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
