import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** The first response to a POST with an `Idempotency-Key`, replayed to every repeat for a day. */
@Entity({ name: 'idempotency_keys' })
@Index('idempotency_keys_created', ['createdAt'])
export class IdempotencyRecord {
  /** The caller the key belongs to (user, API key, or site key and client address): keys of different callers never collide. */
  @PrimaryColumn('text') scope!: string;
  @PrimaryColumn('text') key!: string;
  @Column('text', { name: 'request_hash' }) requestHash!: string;
  @Column('text') state!: 'in_progress' | 'completed';
  @Column('integer', { name: 'response_status', nullable: true }) responseStatus!: number | null;
  /** Null when the answer held a secret shown once (`answerWithheld`). */
  @Column('jsonb', { name: 'response_body', nullable: true }) responseBody!: unknown;
  /** The answer held a secret shown once: it was not stored, and a repeat is refused (409). */
  @Column('boolean', { name: 'answer_withheld', default: false }) answerWithheld!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
