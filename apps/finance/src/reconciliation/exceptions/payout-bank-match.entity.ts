import { Check, Column, CreateDateColumn, Entity, PrimaryColumn, Unique } from 'typeorm';

/** A Stripe payout found on the bank statement: by the payout id in the line, by amount and date, or by a finance user. */
@Entity({ name: 'payout_bank_matches' })
@Unique('payout_bank_matches_bank_line', ['tenantId', 'bankLineId'])
@Check('payout_bank_matches_method', `"method" IN ('reference', 'amount-and-date', 'manual')`)
export class PayoutBankMatch {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('text', { name: 'payout_id' }) payoutId!: string;
  @Column('uuid', { name: 'bank_line_id' }) bankLineId!: string;
  @Column('text') method!: 'reference' | 'amount-and-date' | 'manual';
  @CreateDateColumn({ name: 'matched_at', type: 'timestamptz' }) matchedAt!: Date;
}
