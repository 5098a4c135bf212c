import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One of an agency's publications; readers' calls authenticate with its publishable key. */
@Entity({ name: 'sites' })
@Index('sites_tenant', ['tenantId'])
export class Site {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') name!: string;
  @Column('text') domain!: string;
  @Column('text', { name: 'publishable_key', unique: true }) publishableKey!: string;
  /** +1 on every change; reader-facing services keep the highest they have seen. */
  @Column('integer', { default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
