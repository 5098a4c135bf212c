import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row of an agency's VAT table: a rate for a product type over [effectiveFrom, effectiveTo).
 * Kept in basis points (hundredths of a percent) so no float ever touches it.
 */
@Entity({ name: 'tax_rates' })
@Index('tax_rates_lookup', ['tenantId', 'productType', 'effectiveFrom'])
export class TaxRate {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text', { name: 'product_type' }) productType!: string;
  @Column('integer', { name: 'basis_points' }) basisPoints!: number;
  @Column('boolean') inclusive!: boolean;
  @Column('text', { name: 'display_name' }) displayName!: string;
  @Column('timestamptz', { name: 'effective_from' }) effectiveFrom!: Date;
  @Column('timestamptz', { name: 'effective_to', nullable: true }) effectiveTo!: Date | null;
  /** The provider's copy of this rate, made the first time a checkout needs it. */
  @Column('text', { name: 'provider_tax_rate_id', nullable: true }) providerTaxRateId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
