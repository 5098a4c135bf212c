import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { EntitlementGrant } from '@libs/contracts';

/** The last entitlements published for a reader, and their version (strictly increasing). */
@Entity({ name: 'reader_entitlements' })
export class ReaderEntitlements {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('text', { name: 'reader_key' }) readerKey!: string;
  @Column('jsonb') grants!: EntitlementGrant[];
  @Column('integer') version!: number;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
