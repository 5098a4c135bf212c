import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An agency's Stripe credentials, sealed at rest bound to the agency; the API never returns them. */
@Entity({ name: 'stripe_accounts' })
export class StripeAccount {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('bytea', { name: 'secret_key_sealed' }) secretKeySealed!: Buffer;
  @Column('bytea', { name: 'webhook_secret_sealed' }) webhookSecretSealed!: Buffer;
  @Column('text') mode!: 'test' | 'live';
  @Column('text', { name: 'key_last4' }) keyLast4!: string;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
