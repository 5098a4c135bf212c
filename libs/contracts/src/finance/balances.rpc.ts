import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { defineRpc } from '../define-rpc';
import { CURRENCY_CODE, MINOR_UNITS } from '../money';
import { ACCOUNT_TYPES, AccountType } from './accounts.rpc';

/** A calendar date, `YYYY-MM-DD`. */
export const CALENDAR_DATE = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;
export const CALENDAR_DATE_MESSAGE = 'must be a calendar date, YYYY-MM-DD (e.g. 2026-10-31)';

/** Balances at the end of a day (`asOf`, inclusive), or as they stand now without it. */
export class TrialBalanceRequest {
  @IsOptional()
  @Matches(CALENDAR_DATE, { message: `asOf ${CALENDAR_DATE_MESSAGE}` })
  @IsISO8601({ strict: true }, { message: `asOf ${CALENDAR_DATE_MESSAGE}` })
  asOf?: string;
}

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
  @IsOptional() @Matches(CALENDAR_DATE) asOf!: string | null;
  /** One line per currency the account was ever posted in. */
  @ValidateNested({ each: true }) @Type(() => CurrencyBalance) balances!: CurrencyBalance[];
}

export const GetAccountBalance = defineRpc({
  subject: 'finance.account-balance.get.v1',
  request: AccountBalanceRequest,
  response: AccountBalanceView,
  description:
    'Debits, credits and balance of one account per currency, now or at the end of a day (`asOf`), from daily totals.',
});
