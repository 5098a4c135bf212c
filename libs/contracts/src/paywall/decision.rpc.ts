import { Nullable } from '../nullable';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { defineRpc } from '../define-rpc';
import { READER_ID } from '../subscriptions/checkout.rpc';
import { ARTICLE_ID, ARTICLE_ID_MESSAGE } from './article.rpc';
import { OFFER_LANGUAGES, OfferLanguage } from './offer.rpc';

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
  @IsOptional() @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166 code such as VN' }) country?: string;
  @IsOptional() @IsIn(OFFER_LANGUAGES) lang?: OfferLanguage;
}

export class PreviewOfferView {
  @IsUUID() id!: string;
  @IsString() headline!: string;
  @IsString() body!: string;
  @IsString() cta!: string;
  @IsUUID('all', { each: true }) planIds!: string[];
  @Nullable() @IsOptional() @IsString() couponCode!: string | null;
}

export class PreviewVariantView {
  @IsUUID() experimentId!: string;
  @IsString() arm!: string;
}

export class DecisionPreview {
  @IsString() articleId!: string;
  @IsIn(['allow', 'meter', 'register', 'block']) access!: string;
  @IsString() reason!: string;
  /** Free reads left after this article, were it read now. */
  @Nullable() @IsOptional() @IsInt() remaining!: number | null;
  @Nullable() @IsOptional() @IsUUID() policyId!: string | null;
  @IsString() segment!: string;
  @Nullable() @IsOptional() @ValidateNested() @Type(() => PreviewOfferView) offer!: PreviewOfferView | null;
  @Nullable() @IsOptional() @ValidateNested() @Type(() => PreviewVariantView) variant!: PreviewVariantView | null;
  /** For the offer's checkout link in the newsletter (null when open). */
  @Nullable() @IsOptional() @IsString() checkoutReference!: string | null;
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
