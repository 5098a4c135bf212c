import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { RevenueStream } from '@libs/contracts';

/**
 * One fact in an agency's books: a set of postings that sums to zero per currency. Never updated
 * nor deleted (the database refuses both); a mistake is corrected by a reversing entry.
 */
@Entity({ name: 'journal_entries' })
@Unique('journal_entries_tenant_source_key', ['tenantId', 'sourceKey'])
@Index('journal_entries_tenant_created', ['tenantId', 'createdAt', 'id'])
@Index('journal_entries_tenant_stream_created', ['tenantId', 'stream', 'createdAt', 'id'])
@Index('journal_entries_tenant_counterparty', ['tenantId', 'counterpartyId'])
export class JournalEntry {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  /** What the entry records, e.g. `invoice-paid:in_123`: the same fact posted twice is one entry. */
  @Column('text', { name: 'source_key' }) sourceKey!: string;
  @Column('date', { name: 'posted_on' }) postedOn!: string;
  @Column('text') description!: string;
  /** The entry this one negates; an entry is reversed at most once. */
  @Index('journal_entries_reverses_entry', { unique: true })
  @Column('uuid', { name: 'reverses_entry_id', nullable: true })
  reversesEntryId!: string | null;
  /** A late fact's own date, inside a month closed when it arrived; `postedOn` is then the first open day. */
  @Column('date', { name: 'dated_originally', nullable: true }) datedOriginally!: string | null;
  /** Why a late fact is posted where it is, e.g. `late: 2026-10-31, October 2026 closed`. */
  @Column('text', { name: 'late_reference', nullable: true }) lateReference!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  // Dimensions for reports, set by the consumer that posts the entry; null when they do not apply.
  @Column('text', { nullable: true }) stream!: RevenueStream | null;
  @Column('uuid', { name: 'product_id', nullable: true }) productId!: string | null;
  @Column('uuid', { name: 'site_id', nullable: true }) siteId!: string | null;
  /** The advertiser or licensee. */
  @Column('uuid', { name: 'counterparty_id', nullable: true }) counterpartyId!: string | null;
}
