import { Nullable } from '../nullable';
import { SERVICE_ROLES } from '../roles';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { defineRpc } from '../define-rpc';
import { CURRENCY_CODE, MINOR_UNITS } from '../money';

/** Objects per page of a provider balance listing (Stripe's own maximum). */
export const PROVIDER_BALANCE_PAGE_MAX = 100;

/** One page of the agency's provider activity created in `[createdFrom, createdTo)`, newest first. */
export class ListProviderActivityRequest {
  @IsISO8601({ strict: true }) createdFrom!: string;
  @IsISO8601({ strict: true }) createdTo!: string;
  /** The `nextAfter` of the previous page (the provider's cursor); absent for the first page. */
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9_]{1,255}$/) after?: string;
  /** 1-100 (default 100). */
  @IsOptional() @IsInt() @Min(1) @Max(PROVIDER_BALANCE_PAGE_MAX) limit?: number;
}

/** Money moving in or out of the agency's provider balance: `net = amount - fee`, minor units. */
export class ProviderBalanceTransactionView {
  @IsString() id!: string;
  @IsString() createdAt!: string;
  @IsString() availableOn!: string;
  @Matches(CURRENCY_CODE) currency!: string;
  /** Gross, signed: positive into the balance. */
  @Matches(MINOR_UNITS) amount!: string;
  @Matches(MINOR_UNITS) fee!: string;
  @Matches(MINOR_UNITS) net!: string;
  /** The provider's accounting category, e.g. `charge`, `refund`, `dispute`, `payout`. */
  @IsString() reportingCategory!: string;
  @IsString() type!: string;
  /** The object the money moved for: a charge, refund, dispute or payout id. */
  @Nullable() @IsOptional() @IsString() sourceId!: string | null;
  @Nullable() @IsOptional() @IsString() description!: string | null;
}

export class ProviderBalanceTransactionPage {
  @ValidateNested({ each: true }) @Type(() => ProviderBalanceTransactionView) items!: ProviderBalanceTransactionView[];
  /** Pass as `after` for the next page; null on the last page. */
  @Nullable() @IsOptional() @IsString() nextAfter!: string | null;
}

/** Money sent from the provider balance to the agency's bank account. */
export class ProviderPayoutView {
  @IsString() id!: string;
  @IsString() createdAt!: string;
  /** When it is expected in (or reached) the bank, `YYYY-MM-DD` (UTC). */
  @IsString() arrivalDate!: string;
  @Matches(CURRENCY_CODE) currency!: string;
  /** Positive: what leaves the balance for the bank. */
  @Matches(MINOR_UNITS) amount!: string;
  /** `pending`, `in_transit`, `paid`, `failed` or `canceled`. */
  @IsString() status!: string;
  /** What the bank statement shows, when the provider set it. */
  @Nullable() @IsOptional() @IsString() statementDescriptor!: string | null;
  @Nullable() @IsOptional() @IsString() balanceTransactionId!: string | null;
}

export class ProviderPayoutPage {
  @ValidateNested({ each: true }) @Type(() => ProviderPayoutView) items!: ProviderPayoutView[];
  @Nullable() @IsOptional() @IsString() nextAfter!: string | null;
}

export const ListProviderBalanceTransactions = defineRpc({
  subject: 'subscriptions.provider-balance.list-transactions.v1',
  request: ListProviderActivityRequest,
  response: ProviderBalanceTransactionPage,
  description:
    "One page of the agency's payment-provider balance transactions created in a range, newest first, for finance's reconciliation imports.",
  roles: [SERVICE_ROLES.reconciliationImport],
});

export const ListProviderPayouts = defineRpc({
  subject: 'subscriptions.provider-balance.list-payouts.v1',
  request: ListProviderActivityRequest,
  response: ProviderPayoutPage,
  description:
    "One page of the agency's payment-provider payouts created in a range, newest first, for finance's reconciliation imports.",
  roles: [SERVICE_ROLES.reconciliationImport],
});
