import { Nullable } from '../nullable';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Min } from 'class-validator';
import { defineEvent } from '../define-event';
import { CURRENCY_CODE, MINOR_UNITS } from '../money';

export const SUBSCRIPTION_STATUSES = [
  'incomplete',
  'trialing',
  'active',
  'past_due',
  'unpaid',
  'paused',
  'canceled',
] as const;

export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export class SubscriptionChangedEvent {
  @IsUUID() subscriptionId!: string;
  @IsString() readerKey!: string;
  @IsUUID() planId!: string;
  @IsIn(SUBSCRIPTION_STATUSES) status!: SubscriptionStatus;
  @Nullable() @IsOptional() @IsIn(SUBSCRIPTION_STATUSES) previousStatus!: SubscriptionStatus | null;
  @IsString() currentPeriodEnd!: string;
  @Nullable() @IsOptional() @IsString() reference!: string | null;
  /** The price version billed (absent in events published before prices were carried). */
  @IsOptional() @IsUUID() priceId?: string;
  @IsOptional() @Matches(CURRENCY_CODE) currency?: string;
  /** The price per billing interval in minor units, as billed. */
  @IsOptional() @Matches(MINOR_UNITS) unitAmount?: string;
  /** Months one billing interval lasts (1 for monthly, 12 for yearly plans). */
  @IsOptional() @IsInt() @Min(1) intervalMonths?: number;
}

export const SubscriptionChanged = defineEvent({
  subject: 'evt.subscriptions.subscription.changed.v1',
  data: SubscriptionChangedEvent,
  description:
    'A subscription started, changed status or moved to another price; `reference` carries the checkout attribution, ' +
    '`unitAmount`/`intervalMonths` what it bills (finance derives MRR from them).',
});
