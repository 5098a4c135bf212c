import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { defineRpc } from '../define-rpc';
import { CURRENCY_CODE, MINOR_UNITS } from '../money';
import { ACCOUNT_TYPES, AccountType } from './account.rpc';

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

export class TrialBalanceLine {
  @IsUUID() accountId!: string;
  @Matches(/^[0-9]{4,8}$/) code!: string;
  @IsString() name!: string;
  @IsIn(ACCOUNT_TYPES) type!: AccountType;
  @Matches(CURRENCY_CODE) currency!: string;
  /** Sum of debits, minor units. */
  @Matches(MINOR_UNITS) debits!: string;
  /** Sum of credits as a positive amount, minor units. */
  @Matches(MINOR_UNITS) credits!: string;
  /** debits − credits: positive for a debit balance. */
  @Matches(MINOR_UNITS) balance!: string;
}

export class TrialBalanceTotal {
  @Matches(CURRENCY_CODE) currency!: string;
  @Matches(MINOR_UNITS) debits!: string;
  @Matches(MINOR_UNITS) credits!: string;
  /** Always "0": every entry balances per currency. */
  @Matches(MINOR_UNITS) balance!: string;
}

export class TrialBalanceResponse {
  /** The day the balances stand at the end of; null for balances as they stand now. */
  @Nullable() @IsOptional() @IsString() asOf!: string | null;
  @ValidateNested({ each: true }) @Type(() => TrialBalanceLine) lines!: TrialBalanceLine[];
  @ValidateNested({ each: true }) @Type(() => TrialBalanceTotal) totals!: TrialBalanceTotal[];
}

export const GetTrialBalance = defineRpc({
  subject: 'finance.trial-balance.get.v1',
  request: TrialBalanceRequest,
  response: TrialBalanceResponse,
  description:
    'Debits, credits and balance of every account per currency, now or at the end of a day (`asOf`), and per currency their sums (the balance sums to zero).',
  roles: ['admin', 'finance'],
});
