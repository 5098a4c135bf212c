import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A paid subscription invoice, kept so revenue reaches a conversion whichever of the two facts
 * (subscription active, invoice paid) arrives first.
 */
@Entity({ name: 'subscription_payments' })
@Index('subscription_payments_subscription', ['tenantId', 'subscriptionId'])
export class SubscriptionPayment {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('text', { name: 'provider_invoice_id' }) providerInvoiceId!: string;
  @Column('uuid', { name: 'subscription_id' }) subscriptionId!: string;
  @Column('bigint') amount!: string;
  @Column('text') currency!: string;
}
