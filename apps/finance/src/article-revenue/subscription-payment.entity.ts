import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A paid subscription invoice, tax excluded, by subscription: what a converting article earned. */
@Entity({ name: 'subscription_payments' })
@Index('subscription_payments_tenant_day', ['tenantId', 'day'])
export class SubscriptionPayment {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('text', { name: 'provider_invoice_id' }) providerInvoiceId!: string;
  @Column('uuid', { name: 'subscription_id' }) subscriptionId!: string;
  @Column('char', { length: 3 }) currency!: string;
  @Column('bigint') amount!: string;
  @Column('date') day!: string;
}
