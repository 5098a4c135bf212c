import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who changed what, from what to what, when: written in the transaction of the change. */
@Entity({ name: 'audit_log' })
@Index('audit_log_tenant_time', ['tenantId', 'at'])
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) seq!: string;
  @Column('uuid', { name: 'tenant_id', nullable: true }) tenantId!: string | null;
  /** The service where the change was made (`gateway` for its own). */
  @Column('text', { default: 'gateway' }) service!: string;
  @Column('text') actor!: string;
  @Column('text') action!: string;
  @Column('text', { name: 'target_type' }) targetType!: string;
  @Column('text', { name: 'target_id' }) targetId!: string;
  @Column('jsonb', { nullable: true }) before!: Record<string, unknown> | null;
  @Column('jsonb', { nullable: true }) after!: Record<string, unknown> | null;
  @Column('text', { name: 'request_id', nullable: true }) requestId!: string | null;
  @Column('timestamptz', { default: () => 'now()' }) at!: Date;
}
