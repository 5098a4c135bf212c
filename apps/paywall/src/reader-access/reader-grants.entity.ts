import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EntitlementGrant } from '@libs/contracts';

/** The latest entitlements the subscriptions service published for a reader. */
@Entity({ name: 'reader_grants' })
export class ReaderGrants {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('text', { name: 'reader_key' }) readerKey!: string;
  @Column('jsonb') grants!: EntitlementGrant[];
  @Column('integer') version!: number;
}
