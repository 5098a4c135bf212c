import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { defineRpc } from '../define-rpc';
import { READER_ID } from '../subscriptions/checkout.rpc';
import { ARTICLE_ID, ARTICLE_ID_MESSAGE } from './article.rpc';
import { PAYMENT_RAILS, PaymentRailName } from '../payments/payment-rail';
import { OFFER_CHECKOUTS, OFFER_LANGUAGES, OfferCheckout, OfferLanguage } from './offer.rpc';
import { DEVICES, READER_SEGMENTS } from './policy.rpc';

/**
 * The paywall decision, declared once: what a reader's page (or an agency's server) asks the
 * public endpoint, what it answers, and the preview of it newsletters ask for over RPC. The
 * public endpoint checks requests by hand on its hot path, from the patterns and limits below.
 */

/** Served by the paywall itself, on its public port (`PAYWALL_PUBLIC_PORT`), not by the gateway. */
export const PAYWALL_DECISIONS_PATH = '/v1/paywall/decisions';
export const PAYWALL_STRUCTURED_DATA_PATH = '/v1/paywall/structured-data';

export const DECISION_ACCESSES = ['allow', 'meter', 'register', 'block'] as const;
export type DecisionAccess = (typeof DECISION_ACCESSES)[number];
export type ReaderSegment = (typeof READER_SEGMENTS)[number];
export type Device = (typeof DEVICES)[number];

/** An anonymous reader's id as the reader's page keeps it. */
export const ANONYMOUS_ID = /^[A-Za-z0-9_-]{8,64}$/;
export const ANONYMOUS_ID_MESSAGE = 'anonymousId must be 8-64 letters, digits, _ or -';
export const COUNTRY_CODE = /^[A-Z]{2}$/;
export const COUNTRY_CODE_MESSAGE = 'country must be an ISO 3166 code such as VN';
/** The longest each free-text field of a decision request may be, in characters. */
export const DECISION_TEXT_LIMITS = {
  readerToken: 2048,
  meterToken: 8192,
  url: 2048,
  referrer: 2048,
  section: 100,
} as const;
export type DecisionTextField = keyof typeof DECISION_TEXT_LIMITS;

export function decisionTextTooLong(field: DecisionTextField): string {
  return `${field} must be at most ${DECISION_TEXT_LIMITS[field]} characters`;
}

export const DEVICE_MESSAGE = `device must be one of ${DEVICES.join(', ')}`;
export const LANG_MESSAGE = `lang must be one of ${OFFER_LANGUAGES.join(', ')}`;

/** A CSS selector to name in JSON-LD: printable, no `<` (it may end up inside an HTML page). */
export const CSS_SELECTOR = /^[^<\p{Cc}]{1,200}$/u;
export const CSS_SELECTOR_MESSAGE = 'cssSelector must be 1-200 printable characters without <';
/** The part of an article page behind the paywall, when the request names none. */
export const DEFAULT_PAYWALLED_SELECTOR = '.paywall-content';

/** May this reader read this article now? Every field but `articleId` may be left out. */
export class DecisionRequest {
  @Matches(ARTICLE_ID, { message: ARTICLE_ID_MESSAGE }) articleId!: string;
  /** The reader's page's own id of an anonymous reader, for a first visit without a meter token. */
  @IsOptional() @Matches(ANONYMOUS_ID, { message: ANONYMOUS_ID_MESSAGE }) anonymousId?: string;
  /** A logged-in reader, vouched for by the agency's server (`POST /v1/paywall/reader-tokens`). */
  @IsOptional()
  @IsString()
  @MaxLength(DECISION_TEXT_LIMITS.readerToken, { message: decisionTextTooLong('readerToken') })
  readerToken?: string;
  /** The `meterToken` of the previous answer: the anonymous reader's meter. */
  @IsOptional()
  @IsString()
  @MaxLength(DECISION_TEXT_LIMITS.meterToken, { message: decisionTextTooLong('meterToken') })
  meterToken?: string;
  @IsOptional() @IsString() @MaxLength(DECISION_TEXT_LIMITS.url, { message: decisionTextTooLong('url') }) url?: string;
  @IsOptional()
  @IsString()
  @MaxLength(DECISION_TEXT_LIMITS.referrer, { message: decisionTextTooLong('referrer') })
  referrer?: string;
  @IsOptional() @Matches(COUNTRY_CODE, { message: COUNTRY_CODE_MESSAGE }) country?: string;
  @IsOptional() @IsIn(DEVICES, { message: DEVICE_MESSAGE }) device?: Device;
  /** For an article the CMS has not pushed yet: its section, for per-section meters. */
  @IsOptional()
  @IsString()
  @MaxLength(DECISION_TEXT_LIMITS.section, { message: decisionTextTooLong('section') })
  section?: string;
  /** Language of the offer's copy; the agency's locale when absent. */
  @IsOptional() @IsIn(OFFER_LANGUAGES, { message: LANG_MESSAGE }) lang?: OfferLanguage;
}

/** The offer shown with a paywall, in the answer's language. */
export class DecisionOffer {
  @IsUUID() id!: string;
  @IsString() headline!: string;
  @IsString() body!: string;
  @IsString() cta!: string;
  @IsUUID('all', { each: true }) planIds!: string[];
  @Nullable() @IsOptional() @IsString() couponCode!: string | null;
  /**
   * What the button opens: `stripe`, a checkout session (`POST /v1/subscriptions/checkout-sessions`);
   * `rails`, a rail checkout (`POST /v1/subscriptions/rail-checkouts`) whose `payPageUrl` the reader is sent to.
   */
  @IsIn(OFFER_CHECKOUTS) checkout!: OfferCheckout;
  /** For `rails`: the rails to pass to the rail checkout; null: every rail the agency has enabled. */
  @Nullable() @IsOptional() @IsIn(PAYMENT_RAILS, { each: true }) rails!: PaymentRailName[] | null;
}

/** The experiment arm a decision was made in. */
export class DecisionVariant {
  @IsUUID() experimentId!: string;
  @IsString() arm!: string;
}

/** What every channel answers of a decision (the public endpoint, previews). */
export class DecisionFields {
  @IsIn(DECISION_ACCESSES) access!: DecisionAccess;
  @IsString() reason!: string;
  /** Free reads left in the deciding meter after this read (null when no meter decided). */
  @Nullable() @IsOptional() @IsInt() remaining!: number | null;
  @Nullable() @IsOptional() @IsUUID() policyId!: string | null;
  @IsIn(READER_SEGMENTS) segment!: ReaderSegment;
  /** The offer to show with a paywall (none for open articles, or when no offer applies). */
  @Nullable() @IsOptional() @ValidateNested() @Type(() => DecisionOffer) offer!: DecisionOffer | null;
  /** The experiment arm this decision was made in. */
  @Nullable() @IsOptional() @ValidateNested() @Type(() => DecisionVariant) variant!: DecisionVariant | null;
  /** For the subscriptions checkout's `reference`: attributes a subscription to this decision (null when open). */
  @Nullable() @IsOptional() @IsString() checkoutReference!: string | null;
}

/** The public endpoint's answer: the decision, and what the reader's page keeps for the next one. */
export class DecisionAnswer extends DecisionFields {
  @Matches(ANONYMOUS_ID) anonymousId!: string;
  /** The anonymous reader's meter, to send with the next decision (null for logged-in readers). */
  @Nullable() @IsOptional() @IsString() meterToken!: string | null;
}

/** JSON-LD for search engines: which article, and the selector of its paywalled part. */
export class StructuredDataRequest {
  @Matches(ARTICLE_ID, { message: ARTICLE_ID_MESSAGE }) articleId!: string;
  /** Default `.paywall-content`. */
  @IsOptional() @Matches(CSS_SELECTOR, { message: CSS_SELECTOR_MESSAGE }) cssSelector?: string;
}

/** The paywalled part of an article page (schema.org `WebPageElement`). */
export class PaywalledPart {
  @Equals('WebPageElement') '@type'!: 'WebPageElement';
  @Equals(false) isAccessibleForFree!: false;
  @IsString() cssSelector!: string;
}

/** Schema.org paywalled-content markup for an article, to merge into its JSON-LD. */
export class ArticleStructuredData {
  @Equals('https://schema.org') '@context'!: 'https://schema.org';
  @Equals('NewsArticle') '@type'!: 'NewsArticle';
  /** True only when a new anonymous reader may open the article without a meter. */
  @IsBoolean() isAccessibleForFree!: boolean;
  /** Absent when the article is free. */
  @IsOptional() @ValidateNested() @Type(() => PaywalledPart) hasPart?: PaywalledPart;
}

export const PREVIEW_MAX_ARTICLES = 200;

/**
 * A newsletter (or a page rendered ahead of a read) asks what each article would be for one
 * reader. Nothing is counted: a preview is not a read.
 */
export class DecisionPreviewRequest {
  /** The site whose policies apply. */
  @IsUUID() siteId!: string;
  /** The reader, by the agency's own id or email; neither: an anonymous reader who has read nothing. */
  @IsOptional() @Matches(READER_ID, { message: 'readerId must be 1-128 letters, digits or ._:@-' }) readerId?: string;
  @IsOptional() @IsEmail() email?: string;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PREVIEW_MAX_ARTICLES)
  @Matches(ARTICLE_ID, { each: true, message: ARTICLE_ID_MESSAGE })
  articleIds!: string[];
  @IsOptional() @Matches(COUNTRY_CODE, { message: COUNTRY_CODE_MESSAGE }) country?: string;
  @IsOptional() @IsIn(OFFER_LANGUAGES) lang?: OfferLanguage;
}

/** A previewed article: the decision a read would get, nothing counted. */
export class DecisionPreview extends DecisionFields {
  @IsString() articleId!: string;
}

export class DecisionPreviewResponse {
  @ValidateNested({ each: true }) @Type(() => DecisionPreview) items!: DecisionPreview[];
}

export const PreviewDecisions = defineRpc({
  subject: 'paywall.decision.preview.v1',
  request: DecisionPreviewRequest,
  response: DecisionPreviewResponse,
  description:
    'What each of up to 200 articles would be for one reader (newsletters, server rendering), from the same decision; nothing is counted.',
  roles: ['admin', 'editor'],
});
