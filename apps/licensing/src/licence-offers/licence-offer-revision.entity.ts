import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { OdrlPolicyDocument } from '@libs/contracts';

/** One published revision of a licence offer: never changed; an agreement names the revision it accepted. */
@Entity({ name: 'licence_offer_revisions' })
export class LicenceOfferRevision {
  @PrimaryColumn('uuid', { name: 'offer_id' }) offerId!: string;
  @PrimaryColumn('integer') revision!: number;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') name!: string;
  /** The ODRL Offer as published, its uid naming this revision. */
  @Column('jsonb') policy!: OdrlPolicyDocument;
  @Column('text') actor!: string;
  @CreateDateColumn({ name: 'published_at', type: 'timestamptz' }) publishedAt!: Date;
}
