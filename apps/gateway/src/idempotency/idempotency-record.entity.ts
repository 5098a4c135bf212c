import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The first response to a POST with an `Idempotency-Key`, replayed to every repeat. */
@Entity({ name: 'idempotency_keys' })
export class IdempotencyRecord {
  /** The principal the key belongs to: keys of different callers never collide. */
  @PrimaryColumn('text') scope!: string;
  @PrimaryColumn('text') key!: string;
  @Column('text', { name: 'request_hash' }) requestHash!: string;
  @Column('text') state!: 'in_progress' | 'completed';
  @Column('integer', { name: 'response_status', nullable: true }) responseStatus!: number | null;
  @Column('jsonb', { name: 'response_body', nullable: true }) responseBody!: unknown;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
