import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An agency's site as advertising needs it (to place ad units on), copied from the gateway's events. */
@Entity({ name: 'sites' })
export class AdvertisingSite {
  @PrimaryColumn('uuid', { name: 'site_id' }) siteId!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') name!: string;
  /** The key reader pages send for ads (`pk_…`); null for a site copied before advertising kept it, until its next change. */
  @Column('text', { name: 'publishable_key', nullable: true }) publishableKey!: string | null;
  @Column('integer') version!: number;
  /** Ad ops' setting: subscribers see ads in at most this many units of a page; null: every unit. */
  @Column('integer', { name: 'subscriber_max_units', nullable: true }) subscriberMaxUnits!: number | null;
  /** Rises with each change of the site's ad settings (`SiteAdSettingsChanged`). */
  @Column('integer', { name: 'settings_version', default: 0 }) settingsVersion!: number;
}
