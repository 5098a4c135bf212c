import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { AdFormat } from '@libs/contracts';

/** An inventory position an agency sells: where an ad goes, in which format and size. */
@Entity({ name: 'ad_units' })
@Unique('ad_units_tenant_code', ['tenantId', 'code'])
export class AdUnit {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') code!: string;
  @Column('text') name!: string;
  @Column('text') format!: AdFormat;
  /** Pixels; 0 for formats that take their size from the page (native, sponsorship). */
  @Column('integer') width!: number;
  @Column('integer') height!: number;
  @Column('boolean', { default: true }) active!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
