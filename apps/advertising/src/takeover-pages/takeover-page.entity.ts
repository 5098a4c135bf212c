import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/** A page of a site that ad ops sell whole (e.g. the homepage): the units a takeover of it takes together. */
@Entity({ name: 'takeover_pages' })
@Unique('takeover_pages_tenant_code', ['tenantId', 'code'])
export class TakeoverPage {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'site_id' }) siteId!: string;
  @Column('text') code!: string;
  @Column('text') name!: string;
  @Column('uuid', { name: 'ad_unit_ids', array: true }) adUnitIds!: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
