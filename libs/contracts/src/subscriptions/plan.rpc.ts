import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ByIdRequest, TenantScopedRequest } from '../by-id.request';
import { defineRpc } from '../define-rpc';
import {
  CURRENCY_CODE,
  CURRENCY_MESSAGE,
  MINOR_UNITS,
  NON_NEGATIVE_MINOR_UNITS,
  NON_NEGATIVE_MINOR_UNITS_MESSAGE,
} from '../money';

export const BILLING_INTERVALS = ['month', 'year'] as const;

export const PLAN_CHANGE_POLICIES = ['immediate-with-proration', 'at-period-end'] as const;

export class CreatePlanRequest {
  @IsUUID() productId!: string;
  @IsString() @Length(1, 200) name!: string;
  @IsIn(BILLING_INTERVALS) interval!: (typeof BILLING_INTERVALS)[number];
  /** Every N intervals, e.g. 3 months. */
  @IsInt() @Min(1) @Max(12) intervalCount!: number;
  @IsOptional() @IsInt() @Min(0) @Max(365) trialDays?: number;
  @IsOptional() @Matches(CURRENCY_CODE, { message: `currency ${CURRENCY_MESSAGE}` }) currency?: string;
  @Matches(NON_NEGATIVE_MINOR_UNITS, { message: `unitAmount ${NON_NEGATIVE_MINOR_UNITS_MESSAGE}` }) unitAmount!: string;
  @IsOptional() @IsIn(PLAN_CHANGE_POLICIES) changePolicy?: (typeof PLAN_CHANGE_POLICIES)[number];
}
export class PriceView {
  @IsUUID() id!: string;
  @IsInt() version!: number;
  @Matches(CURRENCY_CODE) currency!: string;
  @Matches(MINOR_UNITS) unitAmount!: string;
  @IsString() createdAt!: string;
}

export class PlanView {
  @IsUUID() id!: string;
  @IsUUID() productId!: string;
  @IsString() name!: string;
  @IsIn(BILLING_INTERVALS) interval!: string;
  @IsInt() intervalCount!: number;
  @IsInt() trialDays!: number;
  @IsIn(PLAN_CHANGE_POLICIES) changePolicy!: string;
  @IsString({ each: true }) entitlements!: string[];
  /** The version new subscribers get; existing subscribers keep theirs. */
  @ValidateNested() @Type(() => PriceView) currentPrice!: PriceView;
  @ValidateNested({ each: true }) @Type(() => PriceView) prices!: PriceView[];
  @IsBoolean() active!: boolean;
}

export class PlanListResponse {
  @ValidateNested({ each: true }) @Type(() => PlanView) items!: PlanView[];
}

export const CreatePlan = defineRpc({
  subject: 'subscriptions.plan.create.v1',
  request: CreatePlanRequest,
  response: PlanView,
  description: 'Creates a plan (billing interval, trial) with its first price version.',
  roles: ['admin'],
});

export const ListPlans = defineRpc({
  subject: 'subscriptions.plan.list.v1',
  request: TenantScopedRequest,
  response: PlanListResponse,
  description: "The agency's plans with their price versions.",
  roles: ['admin', 'editor', 'finance'],
});

export const GetPlan = defineRpc({
  subject: 'subscriptions.plan.get.v1',
  request: ByIdRequest,
  response: PlanView,
  description: 'One plan with its price versions.',
  roles: ['admin', 'editor', 'finance'],
});
