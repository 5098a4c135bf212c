import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** One booked line of an agency's bank statement; the bank's reference makes a second import of it a no-op. */
@Entity({ name: 'bank_statement_lines' })
@Unique('bank_statement_lines_tenant_reference', ['tenantId', 'reference'])
@Index('bank_statement_lines_tenant_booked', ['tenantId', 'bookedOn'])
@Index('bank_statement_lines_tenant_payout_reference', ['tenantId', 'payoutReference'])
export class BankStatementLine {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') reference!: string;
  @Column('date', { name: 'booked_on' }) bookedOn!: string;
  /** Minor units: credits positive, debits negative. */
  @Column('bigint') amount!: string;
  @Column('char', { length: 3 }) currency!: string;
  @Column('text', { nullable: true }) counterparty!: string | null;
  @Column('text', { nullable: true }) remittance!: string | null;
  /** The Stripe payout id the line names, found when imported. */
  @Column('text', { name: 'payout_reference', nullable: true }) payoutReference!: string | null;
  /** The transfer reference a credit names (`RS…`), found when imported: told to the stream that issued it. */
  @Column('text', { name: 'transfer_reference', nullable: true }) transferReference!: string | null;
  @Column('uuid', { name: 'import_id' }) importId!: string;
}
