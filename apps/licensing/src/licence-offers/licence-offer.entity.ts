import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OdrlPolicyDocument } from '@libs/contracts';

/**
 * The terms on which an agency offers its content: an ODRL Offer edited as a draft, published as
 * immutable revisions (`licence_offer_revisions`), the way the paywall revisions its policies.
 */
@Entity({ name: 'licence_offers' })
@Index('licence_offers_tenant_name', ['tenantId', 'name'])
export class LicenceOffer {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') name!: string;
  /** The draft ODRL Offer (JSON-LD), valid against ODRL 2.2 whenever it is written. */
  @Column('jsonb') policy!: OdrlPolicyDocument;
  /** Counts the draft's changes, from 1. */
  @Column('integer', { name: 'draft_version' }) draftVersion!: number;
  @Column('integer', { name: 'published_revision', nullable: true }) publishedRevision!: number | null;
  /** The draft version that revision was published from: equal to `draftVersion` when nothing changed since. */
  @Column('integer', { name: 'published_draft_version', nullable: true }) publishedDraftVersion!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
