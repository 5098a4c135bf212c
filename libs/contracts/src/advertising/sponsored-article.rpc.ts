import {
  IsBase64,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { defineRpc } from '../define-rpc';
import { TenantScopedRequest } from '../by-id.request';
import { MaxBytes } from '../max-bytes.validator';
import { CALENDAR_DAY } from '../money';
import { Nullable } from '../nullable';
import { CREATIVE_UPLOAD_MAX_BYTES } from './creative.rpc';
import { ORDER_STATUSES, OrderStatus, OrderView } from './order.rpc';

/** What an agency's sponsored articles are labelled when it has not said: by its locale. */
export const DEFAULT_SPONSORED_LABELS = { vi: 'Bài PR', en: 'Sponsored' } as const;

export class BookSponsoredArticleRequest {
  /** Staff name the advertiser; an advertiser's own key books for itself. */
  @IsOptional() @IsUUID() advertiserId?: string;
  /** The order's name; `Bài PR: <headline>` when left out. */
  @IsOptional() @IsString() @Length(1, 200) name?: string;
  /** The homepage unit the teaser is exposed on: a unit of a home page that takes native ads, sold exclusively. */
  @IsUUID() adUnitId!: string;
  /** The article's page (https): where the teaser links. */
  @IsString() @MaxBytes(2048) articleUrl!: string;
  /** The CMS's id of the article, when it has one (as the paywall's articles are keyed). */
  @IsOptional() @IsString() @Length(1, 200) articleId?: string;
  /** The teaser's headline (a native creative's), at most 90 characters. */
  @IsString() @Length(1, 90) headline!: string;
  /** The teaser's image, base64 (PNG, JPEG, GIF or WebP, at most 200 kB); or `imageUrl`. */
  @IsOptional() @IsBase64() @MaxBytes(Math.ceil(CREATIVE_UPLOAD_MAX_BYTES / 3) * 4) imageBase64?: string;
  /** Or where to fetch the image (http or https on a public address). */
  @IsOptional() @IsString() @MaxBytes(2048) imageUrl?: string;
  /** The homepage exposure window, agency-local days (both included). */
  @Matches(CALENDAR_DAY, { message: 'must be a day, YYYY-MM-DD' }) exposureStart!: string;
  @Matches(CALENDAR_DAY, { message: 'must be a day, YYYY-MM-DD' }) exposureEnd!: string;
  /** How long the order holds the unit until approved (1-168 h, 48 h when not said). */
  @IsOptional() @IsInt() @Min(1) @Max(168) holdHours?: number;
}

/** A sponsored article as the site's CMS needs it: which article, labelled how, exposed when. */
export class SponsoredArticleView {
  @IsUUID() orderId!: string;
  @IsIn(ORDER_STATUSES) orderStatus!: OrderStatus;
  @IsUUID() advertiserId!: string;
  @IsUUID() siteId!: string;
  @IsUUID() adUnitId!: string;
  @IsString() articleUrl!: string;
  @Nullable() @IsOptional() @IsString() articleId!: string | null;
  @IsString() headline!: string;
  /** The label the article and its teaser must carry. */
  @IsString() label!: string;
  @Matches(CALENDAR_DAY) exposureStart!: string;
  @Matches(CALENDAR_DAY) exposureEnd!: string;
}

export class SponsoredArticleListResponse {
  @ValidateNested({ each: true }) @Type(() => SponsoredArticleView) items!: SponsoredArticleView[];
}

export class ListSponsoredArticlesRequest {
  @IsOptional() @IsUUID() siteId?: string;
  @IsOptional() @IsString() @MaxBytes(2048) articleUrl?: string;
  @IsOptional() @IsString() @Length(1, 200) articleId?: string;
}

export class SponsoredLabelView {
  /** What sponsored articles and their teasers are labelled; the agency's locale's default until set. */
  @IsString() label!: string;
  /** Whether the label is the locale's default (nothing set). */
  @IsBoolean() isDefault!: boolean;
}

export class SetSponsoredLabelRequest {
  /** The label to carry; null or left out: the locale's default ("Bài PR", "Sponsored"). */
  @Nullable() @IsOptional() @IsString() @Length(1, 40) label?: string | null;
}

export const BookSponsoredArticle = defineRpc({
  subject: 'advertising.sponsored-article.book.v1',
  request: BookSponsoredArticleRequest,
  response: OrderView,
  description:
    "A sponsored article (bài PR), priced per article: a draft order holding the homepage unit exclusively for the exposure window, and its teaser (a native creative linking to the article, labelled with the agency's sponsored label, which the advertiser cannot change), pending review.",
  roles: ['admin', 'adops', 'advertiser'],
});

export const ListSponsoredArticles = defineRpc({
  subject: 'advertising.sponsored-article.list.v1',
  request: ListSponsoredArticlesRequest,
  response: SponsoredArticleListResponse,
  description:
    "The agency's sponsored articles, for its CMS to label them: every one approved, live or completed, or canceled after it went live (newest first, at most 500).",
  roles: ['admin', 'adops', 'editor'],
});

export const GetSponsoredLabel = defineRpc({
  subject: 'advertising.sponsored-article.get-label.v1',
  request: TenantScopedRequest,
  response: SponsoredLabelView,
  description: "The label the agency's sponsored articles carry.",
  roles: ['admin', 'adops'],
});

export const SetSponsoredLabel = defineRpc({
  subject: 'advertising.sponsored-article.set-label.v1',
  request: SetSponsoredLabelRequest,
  response: SponsoredLabelView,
  description:
    "Sets the label the agency's sponsored articles carry from their next booking (null: the locale's default).",
  roles: ['admin', 'adops'],
});
