import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ByIdRequest } from '../by-id.request';
import { defineRpc } from '../define-rpc';
import { CURRENCY_CODE, MINOR_UNITS } from '../money';
import { LIST_PAGE_MAX } from '../list-page';
import { PAYMENT_RAILS, PaymentRailName } from '../payments/payment-rail';

export const RECONCILIATION_EXCEPTION_KINDS = [
  'missing-in-ledger',
  'missing-at-stripe',
  'missing-at-bank',
  'missing-at-rail',
  'amount-mismatch',
  'currency-mismatch',
  'duplicate',
] as const;
export type ReconciliationExceptionKind = (typeof RECONCILIATION_EXCEPTION_KINDS)[number];
/** `cleared`: the difference went away by itself before anyone resolved it (e.g. a late journal entry). */
export const RECONCILIATION_EXCEPTION_STATUSES = ['open', 'resolved', 'cleared'] as const;
export type ReconciliationExceptionStatus = (typeof RECONCILIATION_EXCEPTION_STATUSES)[number];
/**
 * What was compared: Stripe's balance with the books, Stripe's payouts with the bank, or a payment
 * rail's report (MoMo, VNPay, payOS) with the payments and refunds booked to its clearing account.
 */
export const RECONCILIATION_SCOPES = ['stripe-ledger', 'payout-bank', 'rail-ledger'] as const;
export type ReconciliationScope = (typeof RECONCILIATION_SCOPES)[number];
export const RECONCILIATION_RESOLUTIONS = ['match', 'adjust', 'write-off'] as const;
export type ReconciliationResolutionAction = (typeof RECONCILIATION_RESOLUTIONS)[number];

export class ReconciliationResolutionView {
  @IsIn(RECONCILIATION_RESOLUTIONS) action!: ReconciliationResolutionAction;
  @IsString() reason!: string;
  /** The journal entry posted (adjust, write-off) or matched to (match); null for a match of a payout and a bank line. */
  @Nullable() @IsOptional() @IsUUID() entryId!: string | null;
  /** Counter-account of the posting (adjust, write-off). */
  @Nullable() @IsOptional() @IsString() accountCode!: string | null;
  @IsString() resolvedBy!: string;
  @IsString() resolvedAt!: string;
}

/**
 * Something the books and a statement disagree on. `statement*` is what Stripe (stripe-ledger),
 * the bank (payout-bank) or the rail's report (rail-ledger: the line's gross, refunds negative)
 * says; `booked*` what the agency's records say: the entry's posting to the Stripe balance, the
 * payout as booked to the bank account, or the payment (refund) as booked to the rail's clearing
 * account. `missing-at-rail`: a payment or refund booked on a day the rail's reports cover, on none of them.
 */
export class ReconciliationExceptionView {
  @IsUUID() id!: string;
  @IsIn(RECONCILIATION_EXCEPTION_KINDS) kind!: ReconciliationExceptionKind;
  @IsIn(RECONCILIATION_SCOPES) scope!: ReconciliationScope;
  @IsIn(RECONCILIATION_EXCEPTION_STATUSES) status!: ReconciliationExceptionStatus;
  /** What is wrong, in words. */
  @IsString() detail!: string;
  @Nullable() @IsOptional() @IsString() stripeTransactionId!: string | null;
  /** The Stripe object the money moved for (charge, refund, dispute, payout). */
  @Nullable() @IsOptional() @IsString() stripeSourceId!: string | null;
  @Nullable() @IsOptional() @IsString() reportingCategory!: string | null;
  @Nullable() @IsOptional() @IsString() payoutId!: string | null;
  @Nullable() @IsOptional() @IsUUID() bankLineId!: string | null;
  @Nullable() @IsOptional() @IsString() bankReference!: string | null;
  /** The payment rail (rail-ledger). */
  @Nullable() @IsOptional() @IsIn(PAYMENT_RAILS) rail!: PaymentRailName | null;
  /** The rail's id of the transaction (a payment's providerTransactionId, a refund's providerRefundId). */
  @Nullable() @IsOptional() @IsString() railTransactionId!: string | null;
  @Nullable() @IsOptional() @IsString() ledgerSourceKey!: string | null;
  @Nullable() @IsOptional() @IsUUID() entryId!: string | null;
  @Nullable() @IsOptional() @Matches(CURRENCY_CODE) statementCurrency!: string | null;
  @Nullable() @IsOptional() @Matches(MINOR_UNITS) statementAmount!: string | null;
  @Nullable() @IsOptional() @Matches(CURRENCY_CODE) bookedCurrency!: string | null;
  @Nullable() @IsOptional() @Matches(MINOR_UNITS) bookedAmount!: string | null;
  /** When the money the difference is about moved (a payout: its arrival day, a bank line: its booking day). */
  @IsString() occurredAt!: string;
  @IsString() detectedAt!: string;
  @Nullable()
  @IsOptional()
  @ValidateNested()
  @Type(() => ReconciliationResolutionView)
  resolution!: ReconciliationResolutionView | null;
}

export class ListReconciliationExceptionsRequest {
  @IsOptional() @IsIn(RECONCILIATION_EXCEPTION_KINDS) kind?: ReconciliationExceptionKind;
  @IsOptional() @IsIn(RECONCILIATION_EXCEPTION_STATUSES) status?: ReconciliationExceptionStatus;
  /** Page size, 1-100 (default 50). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(LIST_PAGE_MAX) limit?: number;
  /** The `nextBefore` of the previous page. */
  @IsOptional() @IsUUID() before?: string;
}

export class ReconciliationExceptionListResponse {
  @ValidateNested({ each: true }) @Type(() => ReconciliationExceptionView) items!: ReconciliationExceptionView[];
  @Nullable() @IsOptional() @IsUUID() nextBefore!: string | null;
}

/** How a finance user settles an exception; the body of `POST …/exceptions/{id}/resolution`. */
export class ResolveReconciliationExceptionBody {
  @IsIn(RECONCILIATION_RESOLUTIONS) action!: ReconciliationResolutionAction;
  /** match: the journal entry that books this Stripe transaction. */
  @IsOptional() @IsUUID() entryId?: string;
  /** match: the Stripe balance transaction this journal entry books. */
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9_]{1,255}$/) stripeTransactionId?: string;
  /** match: the bank statement line that received this payout. */
  @IsOptional() @IsUUID() bankLineId?: string;
  /** match: the payout this bank statement line received. */
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9_]{1,255}$/) payoutId?: string;
  /** adjust, write-off: the account the difference is posted against (write-off: an expense or revenue account). */
  @ValidateIf((body: ResolveReconciliationExceptionBody) => body.action !== 'match')
  @Matches(/^[0-9]{4,8}$/, { message: 'accountCode must be an account code of 4-8 digits' })
  accountCode?: string;
  /** Why: kept with the exception and in the audit log. */
  @IsString() @Length(3, 500) reason!: string;
}

export class ResolveReconciliationExceptionRequest extends ResolveReconciliationExceptionBody {
  @IsUUID() id!: string;
}

export const ListReconciliationExceptions = defineRpc({
  subject: 'finance.reconciliation-exception.list.v1',
  request: ListReconciliationExceptionsRequest,
  response: ReconciliationExceptionListResponse,
  description: "The agency's reconciliation exceptions by kind and status, newest first, a page at a time.",
  roles: ['admin', 'finance'],
});

export const GetReconciliationException = defineRpc({
  subject: 'finance.reconciliation-exception.get.v1',
  request: ByIdRequest,
  response: ReconciliationExceptionView,
  description: 'One reconciliation exception, with its resolution once resolved.',
  roles: ['admin', 'finance'],
});

export const ResolveReconciliationException = defineRpc({
  subject: 'finance.reconciliation-exception.resolve.v1',
  request: ResolveReconciliationExceptionRequest,
  response: ReconciliationExceptionView,
  description:
    'Resolves an open exception: match it to an entry, transaction, payout or bank line, or post the difference (adjust, write-off) with a reason; audited. A resolved exception is never raised again.',
  roles: ['admin', 'finance'],
});
