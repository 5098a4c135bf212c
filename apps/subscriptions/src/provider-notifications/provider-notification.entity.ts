import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ParsedProviderNotification } from '../payments/provider-notifications';

/**
 * A verified provider notification, stored before it is acknowledged (the provider's id of it is
 * the key, so a retried delivery is a no-op) and processed afterwards, oldest first, with retries.
 */
@Entity({ name: 'provider_notifications' })
@Index('provider_notifications_pending', ['nextAttemptAt'], { where: 'processed_at IS NULL AND failed_at IS NULL' })
export class ProviderNotification {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('text', { name: 'provider_notification_id' }) providerNotificationId!: string;
  /** The provider's own name for what happened. */
  @Column('text') type!: string;
  @Column('jsonb') parsed!: ParsedProviderNotification;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('timestamptz', { name: 'received_at', default: () => 'now()' }) receivedAt!: Date;
  @Column('timestamptz', { name: 'next_attempt_at', default: () => 'now()' }) nextAttemptAt!: Date;
  @Column('integer', { default: 0 }) attempts!: number;
  @Column('text', { name: 'last_error', nullable: true }) lastError!: string | null;
  @Column('timestamptz', { name: 'processed_at', nullable: true }) processedAt!: Date | null;
  /** How many times an instance claimed it; the write that ends an attempt names the claim it belongs to. */
  @Column('integer', { default: 0 }) claims!: number;
  /** Held by the instance working it until then (reading the provider happens outside any transaction). */
  @Column('timestamptz', { name: 'claimed_until', nullable: true }) claimedUntil!: Date | null;
  /** Gave up after the last retry; shown to operators, replayed by hand. */
  @Column('timestamptz', { name: 'failed_at', nullable: true }) failedAt!: Date | null;
}
