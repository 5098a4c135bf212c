import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
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
import { CURRENCY_CODE, MINOR_UNITS } from '../money';

export const EXPERIMENT_STATUSES = ['draft', 'running', 'stopped'] as const;

export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

/** What the arms vary: the meter limit of one metered policy, or which offer is shown. */
export const EXPERIMENT_TARGETS = ['meter-limit', 'offer'] as const;

export type ExperimentTarget = (typeof EXPERIMENT_TARGETS)[number];

/** `split`: fixed weights, a reader keeps their arm; `thompson`: adaptive, by the arms' posteriors. */
export const EXPERIMENT_ALLOCATIONS = ['split', 'thompson'] as const;

export type ExperimentAllocation = (typeof EXPERIMENT_ALLOCATIONS)[number];

export const EXPERIMENT_OBJECTIVES = ['conversion', 'revenue'] as const;

export type ExperimentObjective = (typeof EXPERIMENT_OBJECTIVES)[number];

export class ExperimentArmInput {
  @Matches(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'name must be 1-40 lower-case letters, digits or -' }) name!: string;
  /** Share of traffic under `split` (relative to the other arms); 1 when absent. */
  @IsOptional() @IsNumber() @Min(0.001) @Max(1000) weight?: number;
  /** `meter-limit` experiments: the meter's limit in this arm. */
  @IsOptional() @IsInt() @Min(0) @Max(1000) limit?: number;
  /** `offer` experiments: the offer this arm shows. */
  @IsOptional() @IsUUID() offerId?: string;
}

export class CreateExperimentRequest {
  @IsString() @Length(1, 200) name!: string;
  @IsIn(EXPERIMENT_TARGETS) target!: ExperimentTarget;
  /** `meter-limit` experiments: the metered policy whose limit the arms set. */
  @IsOptional() @IsUUID() policyId?: string;
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => ExperimentArmInput)
  arms!: ExperimentArmInput[];
  @IsIn(EXPERIMENT_ALLOCATIONS) allocation!: ExperimentAllocation;
  /** What Thompson sampling maximises; `conversion` when absent. */
  @IsOptional() @IsIn(EXPERIMENT_OBJECTIVES) objective?: ExperimentObjective;
}

/** Only a draft can be changed; a running or stopped experiment answers 409. */
export class UpdateExperimentRequest extends CreateExperimentRequest {
  @IsUUID() id!: string;
}

export class ExperimentArmView {
  @IsString() name!: string;
  @IsNumber() weight!: number;
  @Nullable() @IsOptional() @IsInt() limit!: number | null;
  @Nullable() @IsOptional() @IsUUID() offerId!: string | null;
}

export class ExperimentView {
  @IsUUID() id!: string;
  @IsString() name!: string;
  @IsIn(EXPERIMENT_STATUSES) status!: ExperimentStatus;
  @IsIn(EXPERIMENT_TARGETS) target!: ExperimentTarget;
  @Nullable() @IsOptional() @IsUUID() policyId!: string | null;
  @ValidateNested({ each: true }) @Type(() => ExperimentArmView) arms!: ExperimentArmView[];
  @IsIn(EXPERIMENT_ALLOCATIONS) allocation!: ExperimentAllocation;
  @IsIn(EXPERIMENT_OBJECTIVES) objective!: ExperimentObjective;
  /** Increases with every change: paywall instances keep the highest. */
  @IsInt() version!: number;
  @Nullable() @IsOptional() @IsString() startedAt!: string | null;
  @Nullable() @IsOptional() @IsString() stoppedAt!: string | null;
  @IsString() createdAt!: string;
}

export class ExperimentListResponse {
  @ValidateNested({ each: true }) @Type(() => ExperimentView) items!: ExperimentView[];
}

export class CredibleInterval {
  @IsNumber() low!: number;
  @IsNumber() high!: number;
}

export class ArmResultView {
  @IsString() arm!: string;
  /** Decisions that showed this arm (counted per instance, stored every second). */
  @IsInt() impressions!: number;
  @IsInt() conversions!: number;
  @IsNumber() conversionRate!: number;
  /** 95% credible interval of the conversion rate (Beta(1 + conversions, 1 + impressions - conversions)). */
  @ValidateNested() @Type(() => CredibleInterval) credibleInterval!: CredibleInterval;
  /** Paid invoices of subscriptions this arm converted, in minor units. */
  @Matches(MINOR_UNITS) revenue!: string;
  /** Revenue per 1,000 decisions, in whole minor units. */
  @Matches(MINOR_UNITS) revenuePerThousandDecisions!: string;
  /** Chance this arm is the best on the objective (Monte Carlo over the posteriors, fixed seed). */
  @IsNumber() probabilityBest!: number;
}

export class ExperimentResultsView {
  @IsUUID() experimentId!: string;
  @IsIn(EXPERIMENT_STATUSES) status!: ExperimentStatus;
  @IsIn(EXPERIMENT_OBJECTIVES) objective!: ExperimentObjective;
  /** Currency of the revenue figures (null before the first paid invoice). */
  @Nullable() @IsOptional() @Matches(CURRENCY_CODE) currency!: string | null;
  @ValidateNested({ each: true }) @Type(() => ArmResultView) arms!: ArmResultView[];
}

export const CreateExperiment = defineRpc({
  subject: 'paywall.experiment.create.v1',
  request: CreateExperimentRequest,
  response: ExperimentView,
  description: 'Creates a paywall experiment as a draft.',
  roles: ['admin', 'editor'],
});

export const UpdateExperiment = defineRpc({
  subject: 'paywall.experiment.update.v1',
  request: UpdateExperimentRequest,
  response: ExperimentView,
  description: 'Changes a draft experiment.',
  roles: ['admin', 'editor'],
});

export const StartExperiment = defineRpc({
  subject: 'paywall.experiment.start.v1',
  request: ByIdRequest,
  response: ExperimentView,
  description: 'Starts a draft experiment: decisions assign arms from now on.',
  roles: ['admin', 'editor'],
});

export const StopExperiment = defineRpc({
  subject: 'paywall.experiment.stop.v1',
  request: ByIdRequest,
  response: ExperimentView,
  description: 'Stops a running experiment (for good); its results stay readable.',
  roles: ['admin', 'editor'],
});

export const GetExperiment = defineRpc({
  subject: 'paywall.experiment.get.v1',
  request: ByIdRequest,
  response: ExperimentView,
  description: 'One experiment.',
  roles: ['admin', 'editor'],
});

export const ListExperiments = defineRpc({
  subject: 'paywall.experiment.list.v1',
  request: TenantScopedRequest,
  response: ExperimentListResponse,
  description: "The agency's experiments, newest first.",
  roles: ['admin', 'editor'],
});

export const GetExperimentResults = defineRpc({
  subject: 'paywall.experiment-results.get.v1',
  request: ByIdRequest,
  response: ExperimentResultsView,
  description:
    'Per arm: decisions, conversions, conversion rate with a 95% credible interval, revenue per 1,000 decisions, chance of being best.',
  roles: ['admin', 'editor'],
});
