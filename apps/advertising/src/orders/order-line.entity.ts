import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { FrequencyCap, LineTargeting, PacingMode, PricingModel, QuoteView } from '@libs/contracts';

/** One line of an order: a unit over a flight, its goal, targeting and quoted price. */
@Entity({ name: 'order_lines' })
@Index('order_lines_order', ['orderId', 'position'])
export class OrderLine {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'order_id' }) orderId!: string;
  @Column('integer') position!: number;
  @Column('uuid', { name: 'ad_unit_id' }) adUnitId!: string;
  @Column('text', { name: 'pricing_model' }) pricingModel!: PricingModel;
  @Column('date', { name: 'flight_start' }) flightStart!: string;
  @Column('date', { name: 'flight_end' }) flightEnd!: string;
  @Column('integer', { name: 'impressions_per_day' }) impressionsPerDay!: number;
  @Column('jsonb') targeting!: LineTargeting;
  @Column('jsonb') quote!: QuoteView;
  /** The takeover the line is one unit of (its lines serve together or not at all); null otherwise. */
  @Column('uuid', { name: 'roadblock_id', nullable: true }) roadblockId!: string | null;
  /** A make-good line: the short line whose shortfall it delivers, at no charge (never invoiced, earns nothing). */
  @Column('uuid', { name: 'make_good_of', nullable: true }) makeGoodOf!: string | null;
  /** Ad ops' priority (1 first); null: after every line that has one. */
  @Column('integer', { nullable: true }) priority!: number | null;
  @Column('jsonb', { name: 'frequency_cap', nullable: true }) frequencyCap!: FrequencyCap | null;
  @Column('text', { default: 'even' }) pacing!: PacingMode;
}
