import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CancellationPenalty, CommissionTier, SeasonalMultiplier, VolumeDiscount } from '@libs/contracts';

/** What one ad unit costs (VAT-exclusive, minor units of `currency`), with its seasons, discounts, commissions and penalties. */
@Entity({ name: 'rate_cards' })
export class RateCard {
  @PrimaryColumn('uuid', { name: 'ad_unit_id' }) adUnitId!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') currency!: string;
  @Column('bigint', { name: 'cpd_price', nullable: true }) cpdPrice!: string | null;
  @Column('bigint', { name: 'cpm_price', nullable: true }) cpmPrice!: string | null;
  @Column('bigint', { name: 'sponsorship_day_price', nullable: true }) sponsorshipDayPrice!: string | null;
  @Column('bigint', { name: 'sponsored_article_price', nullable: true }) sponsoredArticlePrice!: string | null;
  @Column('integer', { name: 'vat_rate_bp' }) vatRateBp!: number;
  @Column('jsonb', { name: 'seasonal_multipliers' }) seasonalMultipliers!: SeasonalMultiplier[];
  @Column('jsonb', { name: 'volume_discounts' }) volumeDiscounts!: VolumeDiscount[];
  @Column('jsonb', { name: 'commission_tiers' }) commissionTiers!: CommissionTier[];
  @Column('jsonb', { name: 'cancellation_penalties' }) cancellationPenalties!: CancellationPenalty[];
  @Column('integer') version!: number;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
