import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ArticleEarnings } from '@libs/contracts';

/**
 * One line's delivery on one settled agency-local day, recorded once: what it delivered and earned
 * (tax excluded), over which articles, and the DeliveryRecorded event that told finance (null for
 * a day without delivery or a make-good line, which finance never hears of).
 */
@Entity({ name: 'delivery_records' })
export class DeliveryRecord {
  @PrimaryColumn('uuid', { name: 'line_id' }) lineId!: string;
  @PrimaryColumn('date') day!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'order_id' }) orderId!: string;
  @Column('bigint') impressions!: string;
  @Column('text') currency!: string;
  @Column('bigint') amount!: string;
  @Column('jsonb') articles!: ArticleEarnings[];
  @Column('uuid', { name: 'event_id', nullable: true }) eventId!: string | null;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}
