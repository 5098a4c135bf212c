import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { PolicyView } from '@libs/contracts';

/**
 * One revision of an agency's ordered policies. Revisions are never changed: a change or a
 * rollback writes the next one, so every state the paywall was ever in can be read back.
 */
@Entity({ name: 'policy_revisions' })
export class PolicyRevision {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('integer') revision!: number;
  @Column('jsonb') policies!: PolicyView[];
  @Column('text') actor!: string;
  @Column('integer', { name: 'restored_from', nullable: true }) restoredFrom!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
