import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { NON_NEGATIVE_MINOR_UNITS } from '../money';
import { defineRpc } from '../define-rpc';
import { ByIdRequest } from '../by-id.request';
import { ReaderQuery } from './checkout.rpc';
import { SUBSCRIPTION_STATUSES, SubscriptionStatus } from './subscription.events';

/** A plan change waiting for the end of the period (`at-period-end` policy). */
export class PendingPlanChangeView {
  @IsUUID() planId!: string;
  /** The price version the subscription moves to. */
  @IsUUID() priceId!: string;
  /** ISO instant the change takes effect: the end of the current period. */
  @IsString() effectiveAt!: string;
}

export class ReaderSubscriptionView {
  @IsUUID() id!: string;
  @IsString() readerKey!: string;
  @IsUUID() planId!: string;
  @IsUUID() priceId!: string;
  @IsIn(SUBSCRIPTION_STATUSES) status!: SubscriptionStatus;
  @IsString() currentPeriodStart!: string;
  @IsString() currentPeriodEnd!: string;
  @IsBoolean() cancelAtPeriodEnd!: boolean;
  @Nullable() @IsOptional() @IsString() trialEnd!: string | null;
  @Nullable() @IsOptional() @IsString() reference!: string | null;
  /** Until then, the subscription keeps its plan, price and entitlements; null when none is pending. */
  @Nullable()
  @IsOptional()
  @ValidateNested()
  @Type(() => PendingPlanChangeView)
  pendingChange!: PendingPlanChangeView | null;
  /**
   * Credit the reader holds from plan changes down on a subscription the suite bills (minor units,
   * tax included), taken off its next invoices; never paid out. Always 0 for the provider's.
   */
  @Matches(NON_NEGATIVE_MINOR_UNITS) creditBalance!: string;
}

export class ReaderSubscriptionListResponse {
  @ValidateNested({ each: true }) @Type(() => ReaderSubscriptionView) items!: ReaderSubscriptionView[];
}

export const ListReaderSubscriptions = defineRpc({
  subject: 'subscriptions.subscription.list.v1',
  request: ReaderQuery,
  response: ReaderSubscriptionListResponse,
  description: "A reader's subscriptions, newest first.",
  roles: ['admin', 'editor', 'finance'],
});

export const GetReaderSubscription = defineRpc({
  subject: 'subscriptions.subscription.get.v1',
  request: ByIdRequest,
  response: ReaderSubscriptionView,
  description: 'One reader subscription.',
  roles: ['admin', 'editor', 'finance'],
});

export class CancelSubscriptionRequest {
  @IsUUID() subscriptionId!: string;
  /**
   * True: no further period is billed; the reader keeps access until the period ends, then the
   * subscription is `canceled`. False: cancelled now, access ends now, nothing is refunded.
   */
  @IsBoolean() atPeriodEnd!: boolean;
}

export class ResumeSubscriptionRequest {
  @IsUUID() subscriptionId!: string;
}

export const ResumeSubscription = defineRpc({
  subject: 'subscriptions.subscription.resume.v1',
  request: ResumeSubscriptionRequest,
  response: ReaderSubscriptionView,
  description:
    'Undoes a cancellation at period end, whoever bills the subscription (the provider: cancel_at_period_end=false; ' +
    'the suite: its renewal is billed again); refused (conflict) when the subscription is not set to cancel or has ended.',
  roles: ['admin'],
});

export const CancelSubscription = defineRpc({
  subject: 'subscriptions.subscription.cancel.v1',
  request: CancelSubscriptionRequest,
  response: ReaderSubscriptionView,
  description:
    "Cancels a reader's subscription at the end of its period or now, whoever bills it (the provider or the suite); " +
    'nothing is refunded.',
  roles: ['admin', 'editor'],
});
