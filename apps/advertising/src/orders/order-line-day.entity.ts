import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The impressions one line took on one unit-day, so exactly those are released or sold. */
@Entity({ name: 'order_line_days' })
export class OrderLineDay {
  @PrimaryColumn('uuid', { name: 'line_id' }) lineId!: string;
  @PrimaryColumn('date') day!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'order_id' }) orderId!: string;
  @Column('uuid', { name: 'ad_unit_id' }) adUnitId!: string;
  @Column('integer') impressions!: number;
}
