import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What one day moved on one account in one currency, kept in the transaction of every posting
 * beside the running totals: a balance as of any date sums the days up to it, never the postings.
 */
@Entity({ name: 'account_day_totals' })
export class AccountDayTotal {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid', { name: 'account_id' }) accountId!: string;
  @PrimaryColumn('char', { length: 3 }) currency!: string;
  /** The entries' accounting date (`posted_on`). */
  @PrimaryColumn('date') day!: string;
  /** Sum of the day's debits, minor units. */
  @Column('bigint', { default: 0 }) debits!: string;
  /** Sum of the day's credits as a positive number, minor units. */
  @Column('bigint', { default: 0 }) credits!: string;
}
