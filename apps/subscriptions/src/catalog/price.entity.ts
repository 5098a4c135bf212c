import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/**
 * One version of a plan's price, never changed once made: a new price is a new version, and a
 * subscriber keeps the version they subscribed at. Amount in the currency's minor unit.
 */
@Entity({ name: 'prices' })
@Unique('prices_plan_version', ['planId', 'version'])
@Index('prices_provider_price', ['tenantId', 'providerPriceId'], { unique: true })
export class Price {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'plan_id' }) planId!: string;
  @Column('integer') version!: number;
  @Column('text') currency!: string;
  /** bigint in Postgres; TypeORM hands it over as a string of digits. */
  @Column('bigint', { name: 'unit_amount' }) unitAmount!: string;
  @Column('text', { name: 'provider_price_id' }) providerPriceId!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
