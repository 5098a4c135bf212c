import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Account } from '../accounts/account.entity';
import { JournalEntry } from './journal-entry.entity';

/**
 * One line of a journal entry: a signed amount (debit positive, credit negative) on one account.
 * Its entry and account are checked once per INSERT statement by the `postings_checked` trigger
 * (both must exist and be the posting's agency's), not per row by foreign keys: see ADR 0006.
 */
@Entity({ name: 'postings' })
@Check('postings_amount_not_zero', '"amount" <> 0')
@Index('postings_entry', ['entryId'])
export class Posting {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'entry_id' }) entryId!: string;
  @ManyToOne(() => JournalEntry, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'entry_id' })
  entry?: JournalEntry;
  @Column('uuid', { name: 'account_id' }) accountId!: string;
  @ManyToOne(() => Account, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'account_id' })
  account?: Account;
  @Column('char', { length: 3 }) currency!: string;
  /** Minor units; TypeORM reads bigint as a string of digits. */
  @Column('bigint') amount!: string;
}
