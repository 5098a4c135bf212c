import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A reader as the payment provider knows them (one provider customer per reader). */
@Entity({ name: 'customers' })
@Index('customers_reader', ['tenantId', 'readerKey'], { unique: true })
@Index('customers_provider', ['tenantId', 'providerCustomerId'], { unique: true })
export class Customer {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  /** `reader:<agency's reader id>` or `email:<email>`. */
  @Column('text', { name: 'reader_key' }) readerKey!: string;
  @Column('text', { name: 'reader_id', nullable: true }) readerId!: string | null;
  @Column('text', { nullable: true }) email!: string | null;
  @Column('text', { name: 'provider_customer_id' }) providerCustomerId!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
