import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The running totals of one account in one currency, updated in the transaction of every posting,
 * so a balance or a trial balance never scans the history. Balances as of a date sum the daily totals (AccountDayTotal).
 */
@Entity({ name: 'account_balances' })
export class AccountBalance {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('uuid', { name: 'account_id' }) accountId!: string;
  @PrimaryColumn('char', { length: 3 }) currency!: string;
  /** Sum of debits (positive postings), minor units. */
  @Column('bigint', { default: 0 }) debits!: string;
  /** Sum of credits as a positive number, minor units. */
  @Column('bigint', { default: 0 }) credits!: string;
  /** debits − credits: positive for a debit balance. */
  @Column('bigint') balance!: string;
}
