import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { AdFormat, CapacityForecastView, CapacityMode } from '@libs/contracts';

/** An inventory position an agency sells: where an ad goes, in which sizes, how many impressions a day. */
@Entity({ name: 'ad_units' })
@Unique('ad_units_tenant_code', ['tenantId', 'code'])
export class AdUnit {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  /** The site it is on; null for the defaults a new agency starts with, until ad ops place them. */
  @Column('uuid', { name: 'site_id', nullable: true }) siteId!: string | null;
  @Column('text') code!: string;
  @Column('text') name!: string;
  @Column('text') format!: AdFormat;
  /** Pixels of the first fixed size accepted; 0 for units that take their size from the page (native, fluid). */
  @Column('integer') width!: number;
  @Column('integer') height!: number;
  /** `WxH`, `native` or `fluid`. */
  @Column('text', { array: true, default: '{}' }) sizes!: string[];
  @Column('text', { name: 'page_types', array: true, default: '{}' }) pageTypes!: string[];
  @Column('text', { array: true, default: '{}' }) sections!: string[];
  /** Impressions it may sell per agency-local day; days already booked keep theirs in `inventory_days`. */
  @Column('integer', { name: 'daily_capacity', default: 0 }) dailyCapacity!: number;
  /** `configured`: days are sold up to `dailyCapacity`; `forecast`: up to the forecast's lower bound of their weekday. */
  @Column('text', { name: 'capacity_mode', default: 'configured' }) capacityMode!: CapacityMode;
  /** The forecast from the unit's own delivery, while in `forecast` mode (remade daily). */
  @Column('jsonb', { name: 'capacity_forecast', nullable: true }) capacityForecast!: CapacityForecastView | null;
  /** When the forecast was last made or tried again (it is remade daily; a try that finds too little keeps the last). */
  @Column('timestamptz', { name: 'forecast_checked_at', nullable: true }) forecastCheckedAt!: Date | null;
  @Column('boolean', { name: 'exclusive_sponsorship', default: false }) exclusiveSponsorship!: boolean;
  @Column('boolean', { default: true }) active!: boolean;
  /** The agency's creatives the unit shows when no sold line wins. */
  @Column('uuid', { name: 'house_creative_ids', array: true, default: '{}' }) houseCreativeIds!: string[];
  /** The tag a page renders when neither a sold line nor a house ad fills the unit. */
  @Column('text', { name: 'passback_tag', nullable: true }) passbackTag!: string | null;
  /** Rises each time what the unit serves on its own is published (`AdUnitChanged`). */
  @Column('integer', { name: 'serving_version', default: 0 }) servingVersion!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
