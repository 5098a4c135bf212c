import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One ad unit's impressions on one agency-local day: what it may sell, what is sold (approved
 * orders) and held (orders waiting for approval), and whether a whole-day line owns it. The
 * database refuses sold + held beyond capacity, whatever the concurrency.
 */
@Entity({ name: 'inventory_days' })
@Check('inventory_days_within_capacity', '"sold" >= 0 AND "held" >= 0 AND "sold" + "held" <= "capacity"')
export class InventoryDay {
  @PrimaryColumn('uuid', { name: 'ad_unit_id' }) adUnitId!: string;
  @PrimaryColumn('date') day!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('integer') capacity!: number;
  @Column('integer', { default: 0 }) sold!: number;
  @Column('integer', { default: 0 }) held!: number;
  @Column('boolean', { default: false }) exclusive!: boolean;
}
