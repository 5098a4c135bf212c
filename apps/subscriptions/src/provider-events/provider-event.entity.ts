import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PaymentEvent } from '../payments/payment-provider';

/**
 * A verified webhook, stored before it is acknowledged (the provider's event id is the key, so a
 * retried delivery is a no-op) and processed afterwards, oldest first, with retries.
 */
@Entity({ name: 'provider_events' })
@Index('provider_events_pending', ['nextAttemptAt'], { where: 'processed_at IS NULL AND failed_at IS NULL' })
export class ProviderEvent {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('text', { name: 'provider_event_id' }) providerEventId!: string;
  @Column('text') type!: string;
  @Column('jsonb') event!: PaymentEvent;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('timestamptz', { name: 'received_at', default: () => 'now()' }) receivedAt!: Date;
  @Column('timestamptz', { name: 'next_attempt_at', default: () => 'now()' }) nextAttemptAt!: Date;
  @Column('integer', { default: 0 }) attempts!: number;
  @Column('text', { name: 'last_error', nullable: true }) lastError!: string | null;
  @Column('timestamptz', { name: 'processed_at', nullable: true }) processedAt!: Date | null;
  /** Gave up after the last retry; shown to operators, replayed by hand. */
  @Column('timestamptz', { name: 'failed_at', nullable: true }) failedAt!: Date | null;
}
