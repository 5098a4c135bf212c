import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import type { PeriodStatus } from '@libs/contracts';

/**
 * A month of an agency's books that was closed at least once (a month never closed is open and
 * has no row). Closed months are always the agency's earliest months: they close in order and
 * only the latest reopens, so the books are closed up to the end of the latest closed month.
 */
@Entity({ name: 'accounting_periods' })
@Check('accounting_periods_first_of_month', `date_trunc('month', "starts_on") = "starts_on"`)
@Check('accounting_periods_status', `"status" IN ('open', 'closed')`)
export class AccountingPeriod {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  /** The first day of the month, in the agency's calendar. */
  @PrimaryColumn('date', { name: 'starts_on' }) startsOn!: string;
  @Column('text') status!: PeriodStatus;
  @Column('timestamptz', { name: 'closed_at' }) closedAt!: Date;
  @Column('text', { name: 'closed_by' }) closedBy!: string;
  @Column('timestamptz', { name: 'reopened_at', nullable: true }) reopenedAt!: Date | null;
  @Column('text', { name: 'reopened_by', nullable: true }) reopenedBy!: string | null;
  @Column('text', { name: 'reopen_reason', nullable: true }) reopenReason!: string | null;
}
