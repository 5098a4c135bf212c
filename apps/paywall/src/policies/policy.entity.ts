import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PolicyKind } from '@libs/contracts';

@Entity({ name: 'policies' })
@Index('policies_tenant_priority', ['tenantId', 'priority'])
export class Policy {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'site_id', nullable: true }) siteId!: string | null;
  @Column('text') name!: string;
  @Column('text') kind!: PolicyKind;
  @Column('integer', { name: 'meter_limit', nullable: true }) meterLimit!: number | null;
  @Column('integer') priority!: number;
  @Column('boolean', { default: true }) active!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
