import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { GoalUnit, MakeGoodStatus, MakeGoodTransitionView } from '@libs/contracts';

/** A line's shortfall at the end of its flight, proposed for ad ops to make good (one per line). */
@Entity({ name: 'make_goods' })
@Unique('make_goods_line', ['lineId'])
@Index('make_goods_tenant_advertiser', ['tenantId', 'advertiserId', 'createdAt'])
export class MakeGood {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'advertiser_id' }) advertiserId!: string;
  @Column('uuid', { name: 'order_id' }) orderId!: string;
  /** The short line: the booking finance knows. */
  @Column('uuid', { name: 'line_id' }) lineId!: string;
  @Column('text') status!: MakeGoodStatus;
  @Column('text', { name: 'shortfall_unit' }) shortfallUnit!: GoalUnit;
  @Column('bigint') goal!: string;
  @Column('bigint') delivered!: string;
  @Column('bigint') shortfall!: string;
  /** Whole-day lines: the flight's days that delivered nothing (`YYYY-MM-DD`). */
  @Column('text', { name: 'missed_days', array: true, default: '{}' }) missedDays!: string[];
  @Column('text') currency!: string;
  /** What a credit gives back: the line's price not earned (tax excluded, minor units). */
  @Column('bigint', { name: 'credit_amount' }) creditAmount!: string;
  @Column('text') reason!: string;
  @Column('uuid', { name: 'make_good_line_id', nullable: true }) makeGoodLineId!: string | null;
  @Column('uuid', { name: 'make_good_order_id', nullable: true }) makeGoodOrderId!: string | null;
  @Column('jsonb') history!: MakeGoodTransitionView[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
