import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CreativeFormat, CreativeKind, CreativePlacement, CreativeStatus } from '@libs/contracts';

/** What an advertiser shows in a slot: an image, an HTML5 zip, a third-party tag or a native ad, reviewed by ad ops. */
@Entity({ name: 'creatives' })
@Index('creatives_tenant_advertiser', ['tenantId', 'advertiserId'])
@Index('creatives_sha256', ['sha256'])
@Check('creatives_content_capped', 'octet_length(content) <= 500000')
export class Creative {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'advertiser_id' }) advertiserId!: string;
  @Column('text') name!: string;
  @Column('text') kind!: CreativeKind;
  @Column('text') size!: string;
  @Column('text') format!: CreativeFormat;
  @Column('integer', { name: 'close_control_after_ms', nullable: true }) closeControlAfterMs!: number | null;
  @Column('text') placement!: CreativePlacement;
  @Column('text', { nullable: true }) label!: string | null;
  @Column('text', { name: 'click_url', nullable: true }) clickUrl!: string | null;
  @Column('text', { nullable: true }) headline!: string | null;
  @Column('text', { nullable: true }) tag!: string | null;
  @Column('text', { name: 'entry_file', nullable: true }) entryFile!: string | null;
  @Column('text', { name: 'source_url', nullable: true }) sourceUrl!: string | null;
  /** The uploaded or fetched file (image or zip); null for a tag. */
  @Column('bytea', { nullable: true, select: false }) content!: Buffer | null;
  @Column('text', { name: 'content_type', nullable: true }) contentType!: string | null;
  @Column('integer', { name: 'content_bytes', default: 0 }) contentBytes!: number;
  @Column('text', { nullable: true }) sha256!: string | null;
  @Column('text') status!: CreativeStatus;
  @Column('text', { name: 'rejection_reason', nullable: true }) rejectionReason!: string | null;
  @Column('uuid', { name: 'order_line_ids', array: true, default: '{}' }) orderLineIds!: string[];
  /** A sponsored article's teaser: label, headline and click URL are the booking's and cannot be changed. */
  @Column('boolean', { name: 'sponsored_article', default: false }) sponsoredArticle!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
