import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A Stripe webhook event payments verified and published to subscriptions, once per agency and
 * event id: a delivery of the same event again finds it here and publishes nothing.
 */
@Entity({ name: 'stripe_notifications' })
export class StripeNotification {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('text', { name: 'event_id' }) eventId!: string;
  @Column('text') type!: string;
  @Column('text') kind!: string;
  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
}
