import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineRpc } from '../define-rpc';
import { ByIdRequest, TenantScopedRequest } from '../by-id.request';
import { ENTITLEMENT_KEY } from '../subscriptions/product.rpc';

export const POLICY_KINDS = ['metered', 'registration', 'freemium', 'hard', 'time-based', 'dynamic'] as const;

export type PolicyKind = (typeof POLICY_KINDS)[number];

export const READER_SEGMENTS = ['anonymous', 'registered', 'subscriber', 'group-member'] as const;

export const DEVICES = ['mobile', 'tablet', 'desktop'] as const;

export const METER_WINDOWS = ['calendar-month', 'rolling'] as const;

/** Who a policy is for; every condition given must hold. */
export class PolicyConditions {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(READER_SEGMENTS, { each: true })
  segments?: (typeof READER_SEGMENTS)[number][];
  /** ISO 3166-1 alpha-2, upper case. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(250)
  @Matches(/^[A-Z]{2}$/, { each: true, message: 'countries must be ISO 3166 codes such as VN' })
  countries?: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(3) @IsIn(DEVICES, { each: true }) devices?: (typeof DEVICES)[number][];
  /** Referrer host suffixes: `google.com` also matches `news.google.com`. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[a-z0-9.-]{1,253}$/, { each: true, message: 'referrers must be lower-case host names' })
  referrers?: string[];
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  sections?: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @Length(1, 100, { each: true }) tags?: string[];
}

/**
 * What a policy does. `kind` says which of the other fields it needs: metered (`limit`, `window`,
 * `windowDays` when rolling, `perSection`, `registrationBonus`), registration (`freeArticles`,
 * `window`), freemium and hard (`entitlement`), time-based (`premiumForDays`), dynamic
 * (`threshold`, `limitWhenLikely`, `limitOtherwise`, `propensity`, `window`). `entitlement`
 * (default `premium-articles`) is what lets a reader through or past a meter.
 */
export class PolicyRule {
  @IsIn(POLICY_KINDS) kind!: PolicyKind;
  @IsOptional() @IsInt() @Min(0) @Max(1000) limit?: number;
  @IsOptional() @IsIn(METER_WINDOWS) window?: (typeof METER_WINDOWS)[number];
  @IsOptional() @IsInt() @Min(1) @Max(90) windowDays?: number;
  @IsOptional() @IsBoolean() perSection?: boolean;
  @IsOptional() @IsInt() @Min(0) @Max(1000) registrationBonus?: number;
  @IsOptional() @IsInt() @Min(0) @Max(1000) freeArticles?: number;
  @IsOptional()
  @Matches(ENTITLEMENT_KEY, { message: 'entitlement must be a key such as premium-articles' })
  entitlement?: string;
  @IsOptional() @IsInt() @Min(1) @Max(3650) premiumForDays?: number;
  @IsOptional() @IsNumber() @Min(0) @Max(1) threshold?: number;
  @IsOptional() @IsInt() @Min(0) @Max(1000) limitWhenLikely?: number;
  @IsOptional() @IsInt() @Min(0) @Max(1000) limitOtherwise?: number;
  /** Propensity to subscribe (0-1) per segment (`registered`) or segment and country (`anonymous:VN`). */
  @IsOptional() @IsObject() propensity?: Record<string, number>;
}

export class PolicyInput {
  /** Keep a policy's id across revisions (experiments and reports refer to it); new ones get one. */
  @IsOptional() @IsUUID() id?: string;
  @IsString() @Length(1, 200) name!: string;
  /** Absent or null: every site of the agency. */
  @Nullable() @IsOptional() @IsUUID() siteId?: string | null;
  @IsBoolean() active!: boolean;
  @ValidateNested() @Type(() => PolicyRule) rule!: PolicyRule;
  @IsOptional() @ValidateNested() @Type(() => PolicyConditions) conditions?: PolicyConditions;
}

export class ReplacePoliciesRequest {
  /** In evaluation order: the first policy whose conditions hold and that concerns the article decides. */
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => PolicyInput) policies!: PolicyInput[];
  /** The revision this change was made from; another change in between answers 409. */
  @IsOptional() @IsInt() @Min(0) basedOnRevision?: number;
}

export class PolicyView {
  @IsUUID() id!: string;
  @IsString() name!: string;
  @Nullable() @IsOptional() @IsUUID() siteId!: string | null;
  @IsBoolean() active!: boolean;
  @ValidateNested() @Type(() => PolicyRule) rule!: PolicyRule;
  @ValidateNested() @Type(() => PolicyConditions) conditions!: PolicyConditions;
}

/** One revision of an agency's policies: every change makes one; restoring an old one makes another. */
export class PolicySetView {
  @IsInt() revision!: number;
  @ValidateNested({ each: true }) @Type(() => PolicyView) policies!: PolicyView[];
  @IsString() actor!: string;
  @Nullable() @IsOptional() @IsInt() restoredFrom!: number | null;
  @IsString() createdAt!: string;
}

export class PolicyRevisionSummary {
  @IsInt() revision!: number;
  @IsInt() policyCount!: number;
  @IsString() actor!: string;
  @Nullable() @IsOptional() @IsInt() restoredFrom!: number | null;
  @IsString() createdAt!: string;
}

export class PolicyRevisionListResponse {
  @ValidateNested({ each: true }) @Type(() => PolicyRevisionSummary) items!: PolicyRevisionSummary[];
}

export class PolicyRevisionRequest {
  @IsInt() @Min(1) revision!: number;
}

export const GetPolicies = defineRpc({
  subject: 'paywall.policy.get-current.v1',
  request: TenantScopedRequest,
  response: PolicySetView,
  description: "The agency's current paywall policies, in evaluation order, and their revision.",
  roles: ['admin', 'editor'],
});

export const GetPolicy = defineRpc({
  subject: 'paywall.policy.get.v1',
  request: ByIdRequest,
  response: PolicyView,
  description: 'One policy of the current revision.',
  roles: ['admin', 'editor'],
});

export const ReplacePolicies = defineRpc({
  subject: 'paywall.policy.replace.v1',
  request: ReplacePoliciesRequest,
  response: PolicySetView,
  description:
    'Replaces the ordered policies with a new revision (audited; takes effect on every paywall instance within a second).',
  roles: ['admin', 'editor'],
});

export const ListPolicyRevisions = defineRpc({
  subject: 'paywall.policy-revision.list.v1',
  request: TenantScopedRequest,
  response: PolicyRevisionListResponse,
  description: 'Every revision of the policies, newest first.',
  roles: ['admin', 'editor'],
});

export const GetPolicyRevision = defineRpc({
  subject: 'paywall.policy-revision.get.v1',
  request: PolicyRevisionRequest,
  response: PolicySetView,
  description: 'One revision of the policies.',
  roles: ['admin', 'editor'],
});

export const RestorePolicyRevision = defineRpc({
  subject: 'paywall.policy-revision.restore.v1',
  request: PolicyRevisionRequest,
  response: PolicySetView,
  description: 'Rolls back: makes an old revision current again, as a new revision.',
  roles: ['admin', 'editor'],
});
