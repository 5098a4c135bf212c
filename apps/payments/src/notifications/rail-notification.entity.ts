import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PaymentRailName } from '@libs/contracts';

/** A verified notification, stored as it arrived (once per provider transaction and outcome) before it is acted on. */
@Entity({ name: 'rail_notifications' })
@Index('rail_notifications_account_key', ['accountId', 'dedupeKey'], { unique: true })
export class RailNotification {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'account_id' }) accountId!: string;
  @Column('text') rail!: PaymentRailName;
  @Column('text', { name: 'dedupe_key' }) dedupeKey!: string;
  @Column('text', { name: 'order_reference' }) orderReference!: string;
  @Column('text') method!: string;
  @Column('text') query!: string;
  @Column('bytea') body!: Buffer;
  /** What the service concluded (accepted, amount-mismatch, unknown-order, …); null until processed. */
  @Column('text', { nullable: true }) verdict!: string | null;
  @Column('timestamptz', { name: 'received_at', default: () => 'now()' }) receivedAt!: Date;
  @Column('timestamptz', { name: 'processed_at', nullable: true }) processedAt!: Date | null;
}
