import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The agency as advertising needs it: the calendar campaigns run in and the currency it sells in. */
@Entity({ name: 'tenants' })
export class AdvertisingTenant {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text', { name: 'time_zone' }) timeZone!: string;
  @Column('text') locale!: string;
  @Column('text', { name: 'default_currency' }) defaultCurrency!: string;
  /** What its sponsored articles are labelled; null: its locale's default ("Bài PR", "Sponsored"). */
  @Column('text', { name: 'sponsored_label', nullable: true }) sponsoredLabel!: string | null;
  @CreateDateColumn({ name: 'provisioned_at', type: 'timestamptz' }) provisionedAt!: Date;
}
