import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../access/role';

/** A secret key for servers: shown once, stored as a SHA-256 of its high-entropy secret. */
@Entity({ name: 'api_keys' })
@Index('api_keys_tenant', ['tenantId'])
export class ApiKey {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') name!: string;
  /** Public part of the key, used to find it; the secret part is never stored. */
  @Column('text', { unique: true }) prefix!: string;
  @Column('bytea', { name: 'secret_hash' }) secretHash!: Buffer;
  @Column('text', { array: true }) roles!: Role[];
  /** The advertiser or licensee an external key acts for; null for staff keys. */
  @Column('uuid', { name: 'subject_id', nullable: true }) subjectId!: string | null;
  @Column('integer', { name: 'rate_limit_per_minute', nullable: true }) rateLimitPerMinute!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
}
