import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { defineRpc } from '../define-rpc';
import { CURRENCY_CODE, MINOR_UNITS } from '../money';

export class ListConversionsRequest {
  @IsOptional() @IsISO8601() from?: string;
  @IsOptional() @IsISO8601() to?: string;
}

/** A subscription that started from a paywall decision (its checkout carried the decision's reference). */
export class ConversionView {
  @IsUUID() subscriptionId!: string;
  @IsUUID() planId!: string;
  @Nullable() @IsOptional() @IsString() articleId!: string | null;
  @Nullable() @IsOptional() @IsUUID() offerId!: string | null;
  @Nullable() @IsOptional() @IsUUID() experimentId!: string | null;
  @Nullable() @IsOptional() @IsString() arm!: string | null;
  @Matches(MINOR_UNITS) revenue!: string;
  @Nullable() @IsOptional() @Matches(CURRENCY_CODE) currency!: string | null;
  @IsString() convertedAt!: string;
}

export class ConversionListResponse {
  @ValidateNested({ each: true }) @Type(() => ConversionView) items!: ConversionView[];
}

export const ListConversions = defineRpc({
  subject: 'paywall.conversion.list.v1',
  request: ListConversionsRequest,
  response: ConversionListResponse,
  description:
    'Subscriptions attributed to paywall decisions, oldest first (at most 1,000), optionally between `from` and `to`.',
  roles: ['admin', 'editor', 'finance'],
});
