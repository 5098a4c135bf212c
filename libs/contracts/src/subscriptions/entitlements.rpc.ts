import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, ValidateNested } from 'class-validator';
import { defineRpc } from '../define-rpc';
import { ReaderQuery } from './checkout.rpc';

export const ENTITLEMENT_SOURCES = ['subscription', 'gift', 'group', 'comp'] as const;

export class EntitlementGrant {
  @IsString() key!: string;
  /** ISO instant the grant lasts until (period end, plus grace while a payment is retried). */
  @IsString() until!: string;
  @IsIn(ENTITLEMENT_SOURCES) source!: (typeof ENTITLEMENT_SOURCES)[number];
  @IsString() sourceId!: string;
  /** Why: e.g. `active`, `trialing`, `past_due (grace)`, `canceled at period end`. */
  @IsString() reason!: string;
}

export class EntitlementsView {
  @IsOptional() @IsString() readerId!: string | null;
  @IsOptional() @IsString() email!: string | null;
  @ValidateNested({ each: true }) @Type(() => EntitlementGrant) entitlements!: EntitlementGrant[];
  /** Grows with every change to this reader's entitlements. */
  @IsInt() version!: number;
}

export const GetEntitlements = defineRpc({
  subject: 'subscriptions.entitlement.get.v1',
  request: ReaderQuery,
  response: EntitlementsView,
  description: "A reader's active entitlements now, until when, and why.",
});
