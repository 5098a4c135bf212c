import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A transfer of an agency's Stripe balance to its bank, as imported; matched to a bank statement line. */
@Entity({ name: 'stripe_payouts' })
@Index('stripe_payouts_tenant_arrival', ['tenantId', 'arrivalDate'])
export class StripePayout {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('text') id!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('date', { name: 'arrival_date' }) arrivalDate!: string;
  @Column('char', { length: 3 }) currency!: string;
  /** Positive, minor units: what left the balance for the bank. */
  @Column('bigint') amount!: string;
  @Column('text') status!: string;
  @Column('text', { name: 'statement_descriptor', nullable: true }) statementDescriptor!: string | null;
  @Column('text', { name: 'balance_transaction_id', nullable: true }) balanceTransactionId!: string | null;
  @Column('uuid', { name: 'import_id' }) importId!: string;
}
