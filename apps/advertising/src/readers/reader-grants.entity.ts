import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EntitlementGrant } from '@libs/contracts';

/** A reader's latest entitlements as subscriptions published them: who is ad-free, who subscribes. */
@Entity({ name: 'reader_grants' })
export class ReaderGrants {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('text', { name: 'reader_key' }) readerKey!: string;
  @Column('jsonb') grants!: EntitlementGrant[];
  @Column('integer') version!: number;
}
