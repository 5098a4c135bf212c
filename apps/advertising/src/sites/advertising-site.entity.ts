import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An agency's site as advertising needs it (to place ad units on), copied from the gateway's events. */
@Entity({ name: 'sites' })
export class AdvertisingSite {
  @PrimaryColumn('uuid', { name: 'site_id' }) siteId!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') name!: string;
  @Column('integer') version!: number;
}
