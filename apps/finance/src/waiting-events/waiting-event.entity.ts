import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An event that arrived before the fact it depends on (a refund before its payment, a delivery
 * before its booking's invoice). It waits here, keyed by what it awaits, and is replayed in the
 * transaction that records that fact: the books never depend on the order events arrive in.
 */
@Entity({ name: 'waiting_events' })
@Index('waiting_events_tenant_awaited', ['tenantId', 'awaited'])
export class WaitingEvent {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  /** What it waits for, e.g. `charge:ch_123`, `booking:<id>`. */
  @Column('text') awaited!: string;
  @Column('text', { name: 'event_type' }) eventType!: string;
  @Column('jsonb') envelope!: unknown;
  @CreateDateColumn({ name: 'waiting_since', type: 'timestamptz' }) waitingSince!: Date;
}
