import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { EntitlementGrant } from '@libs/contracts';

/** The last entitlements published for a reader, and their version (strictly increasing). */
@Entity({ name: 'reader_entitlements' })
@Index('reader_entitlements_lapses_at', ['lapsesAt'], { where: '"lapses_at" IS NOT NULL' })
export class ReaderEntitlements {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('text', { name: 'reader_key' }) readerKey!: string;
  @Column('jsonb') grants!: EntitlementGrant[];
  @Column('integer') version!: number;
  /** When the first of these grants runs out (then they are recomputed and republished). */
  @Column('timestamptz', { name: 'lapses_at', nullable: true }) lapsesAt!: Date | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
