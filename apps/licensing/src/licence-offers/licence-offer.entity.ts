import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { LicenceUse } from '@libs/contracts';

/** The terms on which an agency lets others use its content for one purpose. */
@Entity({ name: 'licence_offers' })
@Index('licence_offers_tenant_name', ['tenantId', 'name'])
export class LicenceOffer {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') name!: string;
  @Column('text') use!: LicenceUse;
  @Column('text') stance!: 'permit' | 'prohibit';
  @Column('text') status!: 'draft' | 'published';
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
