import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Account } from '../accounts/account.entity';
import { JournalEntry } from './journal-entry.entity';

/** One line of a journal entry: a signed amount (debit positive, credit negative) on one account. */
@Entity({ name: 'postings' })
@Check('postings_amount_not_zero', '"amount" <> 0')
@Index('postings_entry', ['entryId'])
export class Posting {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'entry_id' }) entryId!: string;
  @ManyToOne(() => JournalEntry, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entry_id' })
  entry?: JournalEntry;
  @Column('uuid', { name: 'account_id' }) accountId!: string;
  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;
  @Column('char', { length: 3 }) currency!: string;
  /** Minor units; TypeORM reads bigint as a string of digits. */
  @Column('bigint') amount!: string;
}
