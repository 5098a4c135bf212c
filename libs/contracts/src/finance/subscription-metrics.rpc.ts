import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, Matches, ValidateNested } from 'class-validator';
import { defineRpc } from '../define-rpc';
import { CURRENCY_CODE, MINOR_UNITS } from '../money';

export const REPORT_MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
/** The longest span one metrics request may cover. */
export const METRICS_MAX_MONTHS = 36;

export class SubscriptionMetricsRequest {
  /** First month, `YYYY-MM`, in the agency's time zone. */
  @Matches(REPORT_MONTH, { message: 'from must be a month such as 2026-01' }) from!: string;
  /** Last month, `YYYY-MM`, at most 36 months after `from`. */
  @Matches(REPORT_MONTH, { message: 'to must be a month such as 2026-12' }) to!: string;
}

/**
 * One month in one currency. A subscription counts while it is active or past due and its price
 * is known; its MRR is its price per billing interval over the interval's months, rounded to the
 * minor unit, so the bridge holds exactly: mrrAtStart + newMrr + expansionMrr − contractionMrr −
 * churnedMrr = mrrAtEnd. Amounts are minor units.
 */
export class SubscriptionMonthMetrics {
  @Matches(REPORT_MONTH) month!: string;
  @Matches(CURRENCY_CODE) currency!: string;
  @IsInt() activeAtStart!: number;
  @IsInt() newSubscriptions!: number;
  @IsInt() churnedSubscriptions!: number;
  @IsInt() activeAtEnd!: number;
  /** Churned over active at the start of the month; null when none was active. */
  @Nullable() @IsOptional() @IsNumber() churnRate!: number | null;
  @Matches(MINOR_UNITS) mrrAtStart!: string;
  @Matches(MINOR_UNITS) newMrr!: string;
  @Matches(MINOR_UNITS) expansionMrr!: string;
  @Matches(MINOR_UNITS) contractionMrr!: string;
  @Matches(MINOR_UNITS) churnedMrr!: string;
  @Matches(MINOR_UNITS) mrrAtEnd!: string;
  /** 12 × MRR at the end of the month. */
  @Matches(MINOR_UNITS) arr!: string;
  /** MRR at the end over the subscriptions active then, rounded; null when none. */
  @Nullable() @IsOptional() @Matches(MINOR_UNITS) arpu!: string | null;
}

export class SubscriptionMetricsResponse {
  @ValidateNested({ each: true }) @Type(() => SubscriptionMonthMetrics) months!: SubscriptionMonthMetrics[];
}

export const GetSubscriptionMetrics = defineRpc({
  subject: 'finance.subscription-metrics.get.v1',
  request: SubscriptionMetricsRequest,
  response: SubscriptionMetricsResponse,
  description:
    'MRR bridge (new, expansion, contraction, churn), ARR, subscriptions won and lost, churn rate and ARPU per month and currency.',
  roles: ['admin', 'finance'],
});
