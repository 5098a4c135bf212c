import { IsBoolean, IsIn, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { defineRpc } from '../define-rpc';
import { ByIdRequest, TenantScopedRequest } from '../by-id.request';

export const ACCOUNT_TYPES = ['asset', 'liability', 'equity', 'revenue', 'expense'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export class AccountView {
  @IsUUID() id!: string;
  /** Chart-of-accounts code, e.g. `1100`. */
  @Matches(/^[0-9]{4,8}$/) code!: string;
  @IsString() name!: string;
  @IsIn(ACCOUNT_TYPES) type!: AccountType;
  /** True for accounts the system posts to by itself; finance may add others. */
  @IsBoolean() system!: boolean;
}

export class AccountListResponse {
  @ValidateNested({ each: true }) @Type(() => AccountView) items!: AccountView[];
}

export const ListAccounts = defineRpc({
  subject: 'finance.account.list.v1',
  request: TenantScopedRequest,
  response: AccountListResponse,
  description: "The calling agency's chart of accounts, ordered by code.",
  roles: ['admin', 'finance'],
});

export const GetAccount = defineRpc({
  subject: 'finance.account.get.v1',
  request: ByIdRequest,
  response: AccountView,
  description: 'One ledger account of the calling agency.',
  roles: ['admin', 'finance'],
});
