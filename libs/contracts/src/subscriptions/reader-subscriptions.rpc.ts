import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { defineRpc } from '../define-rpc';
import { ByIdRequest } from '../by-id.request';
import { ReaderQuery } from './checkout.rpc';
import { SUBSCRIPTION_STATUSES, SubscriptionStatus } from './subscription-events';

export class ReaderSubscriptionView {
  @IsUUID() id!: string;
  @IsString() readerKey!: string;
  @IsUUID() planId!: string;
  @IsUUID() priceId!: string;
  @IsIn(SUBSCRIPTION_STATUSES) status!: SubscriptionStatus;
  @IsString() currentPeriodStart!: string;
  @IsString() currentPeriodEnd!: string;
  @IsBoolean() cancelAtPeriodEnd!: boolean;
  @IsOptional() @IsString() trialEnd!: string | null;
  @IsOptional() @IsString() reference!: string | null;
}

export class ReaderSubscriptionListResponse {
  @ValidateNested({ each: true }) @Type(() => ReaderSubscriptionView) items!: ReaderSubscriptionView[];
}

export const ListReaderSubscriptions = defineRpc({
  subject: 'subscriptions.subscription.list.v1',
  request: ReaderQuery,
  response: ReaderSubscriptionListResponse,
  description: "A reader's subscriptions, newest first.",
});

export const GetReaderSubscription = defineRpc({
  subject: 'subscriptions.subscription.get.v1',
  request: ByIdRequest,
  response: ReaderSubscriptionView,
  description: 'One reader subscription.',
});
