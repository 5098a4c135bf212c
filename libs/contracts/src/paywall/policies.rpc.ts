import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { defineRpc } from '../define-rpc';
import { ByIdRequest, TenantScopedRequest } from '../by-id.request';

export const POLICY_KINDS = ['metered', 'freemium', 'hard', 'registration', 'time-based'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

export class PolicyView {
  @IsUUID() id!: string;
  @IsString() name!: string;
  @IsIn(POLICY_KINDS) kind!: PolicyKind;
  /** Null: applies to every site of the agency. */
  @IsOptional() @IsUUID() siteId!: string | null;
  /** Free articles per period for metered policies. */
  @IsOptional() @IsInt() @Min(0) meterLimit!: number | null;
  @IsInt() priority!: number;
  @IsBoolean() active!: boolean;
}

export class PolicyListResponse {
  @ValidateNested({ each: true }) @Type(() => PolicyView) items!: PolicyView[];
}

export const ListPolicies = defineRpc({
  subject: 'paywall.policy.list.v1',
  request: TenantScopedRequest,
  response: PolicyListResponse,
  description: "The calling agency's paywall policies in evaluation order.",
});

export const GetPolicy = defineRpc({
  subject: 'paywall.policy.get.v1',
  request: ByIdRequest,
  response: PolicyView,
  description: 'One paywall policy of the calling agency.',
});
