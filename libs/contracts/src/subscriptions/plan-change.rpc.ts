import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Min } from 'class-validator';
import { defineRpc } from '../define-rpc';
import { CURRENCY_CODE, MINOR_UNITS } from '../money';
import { ReaderSubscriptionView } from './subscription.rpc';

export class PlanChangeRequest {
  @IsUUID() subscriptionId!: string;
  @IsUUID() planId!: string;
  /** Unix seconds the proration is computed at; give the preview's to be charged what was shown. */
  @IsOptional() @IsInt() @Min(0) prorationDate?: number;
}

export class CancelPendingPlanChangeRequest {
  @IsUUID() subscriptionId!: string;
}

export class PlanChangePreview {
  /** `now` (immediate-with-proration) or `period-end` (at-period-end: the new plan starts with the next period). */
  @IsIn(['now', 'period-end']) effective!: 'now' | 'period-end';
  @Matches(CURRENCY_CODE) currency!: string;
  /** Charged at once: for an immediate change the prorated difference (may be 0); at period end always 0. */
  @Matches(MINOR_UNITS) amountDueNow!: string;
  /** The next regular invoice, at the new plan's price. */
  @Matches(MINOR_UNITS) nextInvoiceAmount!: string;
  @IsString() nextInvoiceAt!: string;
  @IsInt() prorationDate!: number;
}

export const PreviewPlanChange = defineRpc({
  subject: 'subscriptions.plan-change.preview.v1',
  request: PlanChangeRequest,
  response: PlanChangePreview,
  description: 'What moving a subscription to another plan would cost now and next, under the plan-change policy.',
  roles: ['admin', 'editor'],
});

export const ApplyPlanChange = defineRpc({
  subject: 'subscriptions.plan-change.apply.v1',
  request: PlanChangeRequest,
  response: ReaderSubscriptionView,
  description:
    'Moves a subscription to another plan under the plan-change policy: now with proration, or at period end (as pendingChange, replacing one pending).',
  roles: ['admin', 'editor'],
});

export const CancelPendingPlanChange = defineRpc({
  subject: 'subscriptions.plan-change.cancel.v1',
  request: CancelPendingPlanChangeRequest,
  response: ReaderSubscriptionView,
  description: 'Drops the plan change waiting for the end of the period; the subscription stays on its plan.',
  roles: ['admin', 'editor'],
});
