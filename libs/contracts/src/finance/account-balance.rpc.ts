import { Nullable } from '../nullable';
import { IsIn, IsOptional, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { defineRpc } from '../define-rpc';
import { CURRENCY_CODE, MINOR_UNITS } from '../money';
import { ACCOUNT_TYPES, AccountType } from './account.rpc';
import { CALENDAR_DATE, TrialBalanceRequest } from './trial-balance.rpc';

export class AccountBalanceRequest extends TrialBalanceRequest {
  @IsUUID() id!: string;
}

export class CurrencyBalance {
  @Matches(CURRENCY_CODE) currency!: string;
  /** Sum of debits, minor units. */
  @Matches(MINOR_UNITS) debits!: string;
  /** Sum of credits as a positive amount, minor units. */
  @Matches(MINOR_UNITS) credits!: string;
  /** debits − credits: positive for a debit balance. */
  @Matches(MINOR_UNITS) balance!: string;
}

export class AccountBalanceView {
  @IsUUID() accountId!: string;
  @Matches(/^[0-9]{4,8}$/) code!: string;
  @IsString() name!: string;
  @IsIn(ACCOUNT_TYPES) type!: AccountType;
  /** The day the balances stand at the end of; null for balances as they stand now. */
  @Nullable() @IsOptional() @Matches(CALENDAR_DATE) asOf!: string | null;
  /** One line per currency the account was ever posted in. */
  @ValidateNested({ each: true }) @Type(() => CurrencyBalance) balances!: CurrencyBalance[];
}

export const GetAccountBalance = defineRpc({
  subject: 'finance.account-balance.get.v1',
  request: AccountBalanceRequest,
  response: AccountBalanceView,
  description:
    'Debits, credits and balance of one account per currency, now or at the end of a day (`asOf`), from daily totals.',
  roles: ['admin', 'finance'],
});
