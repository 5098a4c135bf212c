import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { OfferView } from '@libs/contracts';
import { offersWithDefaults } from './offers-with-defaults';

/** One revision of an agency's ordered offers; never changed, like policy revisions. */
@Entity({ name: 'offer_revisions' })
export class OfferRevision {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('integer') revision!: number;
  @Column('jsonb', { transformer: { from: offersWithDefaults, to: (offers: OfferView[]) => offers } })
  offers!: OfferView[];
  @Column('text') actor!: string;
  @Column('integer', { name: 'restored_from', nullable: true }) restoredFrom!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
