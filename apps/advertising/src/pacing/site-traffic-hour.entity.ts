import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Page requests for ads a site had in one agency-local hour: the history its traffic curve is drawn from. */
@Entity({ name: 'site_traffic_hours' })
export class SiteTrafficHour {
  @PrimaryColumn('uuid', { name: 'site_id' }) siteId!: string;
  @PrimaryColumn('date') day!: string;
  @PrimaryColumn('smallint') hour!: number;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('bigint') pages!: string;
}
