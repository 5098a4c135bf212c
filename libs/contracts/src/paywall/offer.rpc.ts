import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineRpc } from '../define-rpc';
import { TenantScopedRequest } from '../by-id.request';
import { PAYMENT_RAILS, PaymentRailName } from '../payments/payment-rail';
import { PolicyConditions } from './policy.rpc';

/** The paywall answers an offer may be shown with (an open article shows none). */
export const OFFER_ANSWERS = ['meter', 'register', 'block'] as const;

export type OfferAnswer = (typeof OFFER_ANSWERS)[number];

export const OFFER_LANGUAGES = ['vi', 'en'] as const;

export type OfferLanguage = (typeof OFFER_LANGUAGES)[number];

/**
 * Where an offer's button takes the reader: Stripe's hosted checkout
 * (`POST /v1/subscriptions/checkout-sessions`), or the suite's pay page on the domestic rails
 * (`POST /v1/subscriptions/rail-checkouts`), where the payer picks MoMo, VNPay or payOS.
 */
export const OFFER_CHECKOUTS = ['stripe', 'rails'] as const;

export type OfferCheckout = (typeof OFFER_CHECKOUTS)[number];

/** What the reader reads on the paywall, in one language. */
export class OfferCopy {
  @IsString() @Length(1, 120) headline!: string;
  @IsString() @Length(1, 600) body!: string;
  /** The button's label. */
  @IsString() @Length(1, 40) cta!: string;
}

export class OfferCopies {
  @ValidateNested() @Type(() => OfferCopy) vi!: OfferCopy;
  @ValidateNested() @Type(() => OfferCopy) en!: OfferCopy;
}

export class OfferInput {
  /** Keep an offer's id across revisions (experiments and conversions refer to it); new ones get one. */
  @IsOptional() @IsUUID() id?: string;
  @IsString() @Length(1, 200) name!: string;
  /** Subscription plans the offer shows, in order. */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @IsUUID('all', { each: true }) planIds!: string[];
  @Nullable()
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'couponCode must be 1-40 letters, digits, _ or -' })
  couponCode?: string | null;
  @ValidateNested() @Type(() => OfferCopies) copy!: OfferCopies;
  @IsOptional() @ValidateNested() @Type(() => PolicyConditions) conditions?: PolicyConditions;
  /** Which answers show the offer; `block` and `register` when absent. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsIn(OFFER_ANSWERS, { each: true })
  appliesTo?: OfferAnswer[];
  /** `stripe` when absent. */
  @IsOptional() @IsIn(OFFER_CHECKOUTS) checkout?: OfferCheckout;
  /** With checkout `rails`: the rails the payer may pick from; every rail the agency has enabled when absent. */
  @Nullable()
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(PAYMENT_RAILS, { each: true })
  rails?: PaymentRailName[] | null;
}

export class ReplaceOffersRequest {
  /** In order: a decision shows the first offer whose conditions hold and that applies to its answer. */
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => OfferInput) offers!: OfferInput[];
  /** The revision this change was made from; another change in between answers 409. */
  @IsOptional() @IsInt() @Min(0) basedOnRevision?: number;
}

export class OfferView {
  @IsUUID() id!: string;
  @IsString() name!: string;
  @IsUUID('all', { each: true }) planIds!: string[];
  @Nullable() @IsOptional() @IsString() couponCode!: string | null;
  @ValidateNested() @Type(() => OfferCopies) copy!: OfferCopies;
  @ValidateNested() @Type(() => PolicyConditions) conditions!: PolicyConditions;
  @IsIn(OFFER_ANSWERS, { each: true }) appliesTo!: OfferAnswer[];
  @IsIn(OFFER_CHECKOUTS) checkout!: OfferCheckout;
  /** The rails the payer may pick from (checkout `rails`); null: every rail the agency has enabled (always null for `stripe`). */
  @Nullable() @IsOptional() @IsIn(PAYMENT_RAILS, { each: true }) rails!: PaymentRailName[] | null;
}

/** One revision of an agency's offers: every change makes one; restoring an old one makes another. */
export class OfferSetView {
  @IsInt() revision!: number;
  @ValidateNested({ each: true }) @Type(() => OfferView) offers!: OfferView[];
  @IsString() actor!: string;
  @Nullable() @IsOptional() @IsInt() restoredFrom!: number | null;
  @Nullable() @IsOptional() @IsString() createdAt!: string | null;
}

export class OfferRevisionSummary {
  @IsInt() revision!: number;
  @IsInt() offerCount!: number;
  @IsString() actor!: string;
  @Nullable() @IsOptional() @IsInt() restoredFrom!: number | null;
  @IsString() createdAt!: string;
}

export class OfferRevisionListResponse {
  @ValidateNested({ each: true }) @Type(() => OfferRevisionSummary) items!: OfferRevisionSummary[];
}

export class OfferRevisionRequest {
  @IsInt() @Min(1) revision!: number;
}

export const GetOffers = defineRpc({
  subject: 'paywall.offer.get-current.v1',
  request: TenantScopedRequest,
  response: OfferSetView,
  description: "The agency's current paywall offers, in order, and their revision (0 and none before the first).",
  roles: ['admin', 'editor'],
});

export const ReplaceOffers = defineRpc({
  subject: 'paywall.offer.replace.v1',
  request: ReplaceOffersRequest,
  response: OfferSetView,
  description:
    'Replaces the ordered offers with a new revision (audited; every paywall instance shows it within a second).',
  roles: ['admin', 'editor'],
});

export const ListOfferRevisions = defineRpc({
  subject: 'paywall.offer-revision.list.v1',
  request: TenantScopedRequest,
  response: OfferRevisionListResponse,
  description: 'Every revision of the offers, newest first.',
  roles: ['admin', 'editor'],
});

export const RestoreOfferRevision = defineRpc({
  subject: 'paywall.offer-revision.restore.v1',
  request: OfferRevisionRequest,
  response: OfferSetView,
  description: 'Rolls back: makes an old revision of the offers current again, as a new revision.',
  roles: ['admin', 'editor'],
});
